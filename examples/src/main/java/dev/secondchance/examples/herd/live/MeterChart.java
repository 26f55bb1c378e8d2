package dev.secondchance.examples.herd.live;

import dev.secondchance.examples.chart.PngCharts;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What a dashboard would plot for one library row, drawn from its registry's samples ({@link MeterSamples}):
 * retries per second by cause, the rate limiter's send rate and the budget's tokens, one panel each (a panel
 * whose meter never had a finite value is left out: no limiter, or the unlimited budget). In the fleet modes
 * each value is the sum over the row's policies, as a dashboard sums a query over its {@code policy} tag.
 */
public final class MeterChart {

    private static final int WIDTH = 800;
    private static final int PANEL_HEIGHT = 220;
    private static final Color[] CAUSE_COLORS = {new Color(0xd62728), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0x9467bd)};

    private MeterChart() {}

    /**
     * @param result a library row
     * @return the chart's file name: {@code meters-<mode>-<strategy>.png}
     */
    public static String fileName(LiveResult result) {
        return "meters-" + result.mode().label() + "-" + result.strategy() + ".png";
    }

    /**
     * Draws and writes the chart.
     *
     * @param folder the output folder; created if missing
     * @param result a library row, with samples
     * @param seconds the length of the time axis
     * @return the file written
     * @throws IOException if it cannot be written
     * @throws IllegalArgumentException if the row has no samples
     */
    public static Path write(Path folder, LiveResult result, double seconds) throws IOException {
        MeterSamples samples = result.samples().orElseThrow(
                () -> new IllegalArgumentException("no samples for " + result.strategy() + ": not a library row"));
        int policies = result.mode().processes(result.clients());
        String row = result.mode().label() + ", " + result.strategy()
                + (policies > 1 ? " (sum of " + policies + " policies)" : "");
        List<XYChart> panels = new ArrayList<>();
        XYChart retries = panel(row + ": secondchance.retries, per second by cause", "retries / s", seconds);
        int c = 0;
        for (Map.Entry<String, double[]> cause : samples.retriesPerSecond().entrySet()) {
            Color color = CAUSE_COLORS[c++ % CAUSE_COLORS.length];
            double total = 0;
            for (double value : cause.getValue()) {
                total += value;
            }
            if (total > 0) {
                line(retries, "cause=" + cause.getKey(), samples.seconds(), cause.getValue(), color);
            }
        }
        if (retries.getSeriesMap().isEmpty()) {
            line(retries, "no retries", samples.seconds(), new double[samples.size()], Color.GRAY);
        }
        panels.add(retries);
        finitePanel(row + ": secondchance.ratelimiter.rate", "requests / s",
                "send rate (drawn while finite: the limiter paces sends)", samples.seconds(), samples.limiterRate(),
                seconds).ifPresent(panels::add);
        finitePanel(row + ": secondchance.budget.tokens", "tokens", "what the budget allows", samples.seconds(),
                samples.budgetTokens(), seconds).ifPresent(panels::add);
        Path file = folder.resolve(fileName(result));
        PngCharts.writeGrid(file, 1, panels);
        return file;
    }

    private static Optional<XYChart> finitePanel(String title, String unit, String series, double[] time,
            double[] values, double seconds) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                x.add(time[i]);
                y.add(values[i]);
            }
        }
        if (x.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = panel(title, unit, seconds);
        line(chart, series, x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray(), new Color(0x1f77b4));
        return Optional.of(chart);
    }

    private static XYChart panel(String title, String unit, double seconds) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(title)
                .xAxisTitle("seconds since the server opened (sampled every 100 ms)").yAxisTitle(unit).build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(seconds);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("#,###");
        chart.getStyler().setLocale(Locale.ROOT);
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineWidth(1.5f);
    }
}
