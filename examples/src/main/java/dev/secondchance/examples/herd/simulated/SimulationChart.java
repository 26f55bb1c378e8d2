package dev.secondchance.examples.herd.simulated;

import dev.secondchance.examples.chart.PngCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws {@code simulation.png}: mean calls (left, with the legend) and mean completion time (right, same
 * colors) against the number of clients, one line per schedule, both on logarithmic axes because no
 * backoff and exponential without jitter are an order of magnitude off the others. Brooker's schedules are
 * thin lines with markers, the library's presets thick lines, candidate presets dashed.
 */
public final class SimulationChart {

    /** The file's name in the output folder. */
    public static final String FILE_NAME = "simulation.png";

    private static final int WIDTH = 760;
    private static final int HEIGHT = 560;

    /** One color per schedule, in order; distinguishable and printable. */
    private static final Color[] PALETTE = {
        new Color(0x7f7f7f), new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), new Color(0xe377c2), new Color(0xbcbd22),
        new Color(0x393b79), new Color(0x637939), new Color(0x843c39)};

    private SimulationChart() {}

    /**
     * Draws and writes the chart.
     *
     * @param folder the output folder; created if missing
     * @param points the results, schedule by schedule
     * @param trials the trials per point, for the title
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public static Path write(Path folder, List<Schedule> schedules, List<PointResult> points, int trials)
            throws IOException {
        XYChart calls = chart("Calls (writes) per run, mean of " + trials + " trials", "calls (log scale)");
        calls.getStyler().setLegendPosition(LegendPosition.InsideNW);
        XYChart time = chart("Time until the last client succeeded (same colors)", "milliseconds (log scale)");
        time.getStyler().setLegendVisible(false);
        Map<String, List<PointResult>> lines = bySchedule(points);
        for (int s = 0; s < schedules.size(); s++) {
            Schedule schedule = schedules.get(s);
            List<PointResult> line = lines.getOrDefault(schedule.name(), List.of());
            if (line.isEmpty()) {
                continue;
            }
            double[] clients = new double[line.size()];
            double[] meanCalls = new double[line.size()];
            double[] meanTime = new double[line.size()];
            for (int i = 0; i < line.size(); i++) {
                clients[i] = line.get(i).clients();
                meanCalls[i] = line.get(i).meanCalls();
                meanTime[i] = line.get(i).meanCompletionMs();
            }
            Color color = PALETTE[s % PALETTE.length];
            style(calls.addSeries(schedule.name(), clients, meanCalls), schedule, color);
            style(time.addSeries(schedule.name(), clients, meanTime), schedule, color);
        }
        Path file = folder.resolve(FILE_NAME);
        PngCharts.writeGrid(file, 2, List.of(calls, time));
        return file;
    }

    private static XYChart chart(String title, String yAxis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("clients (N)")
                .yAxisTitle(yAxis).build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static void style(XYSeries series, Schedule schedule, Color color) {
        series.setLineColor(color);
        series.setMarkerColor(color);
        if (schedule.name().startsWith("candidate-")) {
            series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {6f, 4f}, 0f));
            series.setMarker(SeriesMarkers.NONE);
        } else if (schedule.library()) {
            series.setLineWidth(4f);
            series.setMarker(SeriesMarkers.NONE);
        } else {
            series.setLineWidth(1.5f);
        }
    }

    private static Map<String, List<PointResult>> bySchedule(List<PointResult> points) {
        Map<String, List<PointResult>> lines = new LinkedHashMap<>();
        for (PointResult point : points) {
            lines.computeIfAbsent(point.schedule(), name -> new ArrayList<>()).add(point);
        }
        return lines;
    }
}
