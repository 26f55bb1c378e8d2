package dev.secondchance.examples.herd.live;

import dev.secondchance.examples.chart.PngCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws {@code live.png}: requests sent per 100 ms over time, one panel per strategy stacked on a shared time
 * axis, each with the server's capacity per 100 ms and the end of the outage (the vertical line). Each panel
 * has its own vertical scale, up to the larger of its peak after recovery and five times the capacity, so
 * that what happens around the capacity stays visible; the burst of first tries at the start, when every
 * client sends at once, is cut off at that scale and its size given in the title.
 */
public final class LiveChart {

    /** The file's name in the output folder for the shared mode; the others are {@code live-<mode>.png}. */
    public static final String FILE_NAME = "live.png";

    /**
     * @param mode the mode
     * @return the chart's file name for that mode
     */
    public static String fileName(LiveMode mode) {
        return mode == LiveMode.SHARED ? FILE_NAME : "live-" + mode.label() + ".png";
    }

    private static final int WIDTH = 800;
    private static final int PANEL_HEIGHT = 250;
    private static final Color REQUESTS = new Color(0x1f77b4);
    private static final Color CAPACITY = new Color(0xd62728);

    private LiveChart() {}

    /**
     * Draws and writes the chart.
     *
     * @param folder the output folder; created if missing
     * @param results the results, one panel each
     * @param capacityPerSlot the server's capacity per 100 ms
     * @param seconds the length of the time axis
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public static Path write(Path folder, List<LiveResult> results, int capacityPerSlot, double seconds)
            throws IOException {
        List<XYChart> panels = new ArrayList<>();
        for (LiveResult result : results) {
            panels.add(panel(result, capacityPerSlot, seconds));
        }
        Path file = folder.resolve(fileName(results.get(0).mode()));
        PngCharts.writeGrid(file, 2, panels);
        return file;
    }

    private static XYChart panel(LiveResult result, int capacityPerSlot, double seconds) {
        int[] arrivals = result.sentPerSlot();
        double slotSeconds = result.slot().toNanos() / 1e9;
        int slots = (int) Math.min(arrivals.length, Math.ceil(seconds / slotSeconds));
        double[] time = new double[slots];
        double[] requests = new double[slots];
        int scale = Math.max(result.peakPer100msAfterRecovery(), 5 * capacityPerSlot);
        int firstBurst = 0;
        for (int i = 0; i < slots; i++) {
            time[i] = i * slotSeconds;
            requests[i] = arrivals[i];
            firstBurst = Math.max(firstBurst, arrivals[i]);
        }
        String title = String.format(Locale.ROOT, "%s, %s: %,d requests, peak %d, %s",
                result.mode().label(), result.strategy(), result.totalRequests(), result.peakPer100msAfterRecovery(),
                result.allDoneMs().isPresent()
                        ? String.format(Locale.ROOT, "all done at %.1f s", result.allDoneMs().getAsLong() / 1000.0)
                        : result.gaveUp() + " gave up")
                + (firstBurst > scale ? String.format(Locale.ROOT, " (first burst %,d off scale)", firstBurst) : "");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(title)
                .xAxisTitle("seconds since the server opened").yAxisTitle("requests / 100 ms").build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(seconds);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(scale * 1.1);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("#,###");
        XYSeries arrivals100ms = chart.addSeries("requests sent per 100 ms", time, requests);
        arrivals100ms.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
        arrivals100ms.setMarker(SeriesMarkers.NONE);
        arrivals100ms.setLineColor(REQUESTS);
        arrivals100ms.setLineWidth(1.5f);
        XYSeries capacity = chart.addSeries("capacity (" + capacityPerSlot + " per 100 ms)",
                new double[] {0, seconds}, new double[] {capacityPerSlot, capacityPerSlot});
        capacity.setMarker(SeriesMarkers.NONE);
        capacity.setLineColor(CAPACITY);
        capacity.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f, 4f}, 0f));
        chart.addAnnotation(new AnnotationLine(result.outage().toNanos() / 1e9, true, false));
        return chart;
    }
}
