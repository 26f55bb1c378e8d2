package dev.secondchance.examples.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Renders XChart charts to one PNG file, laid out in a grid. Rendering is headless: this class sets
 * {@code java.awt.headless=true} before any AWT class is loaded through it, so no display is needed.
 */
public final class PngCharts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private PngCharts() {}

    /**
     * Makes sure the JVM renders headless. Call it first thing in a {@code main}, before anything touches
     * AWT.
     */
    public static void useHeadless() {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * Renders charts into a grid of {@code columns} columns and writes one PNG.
     *
     * @param file the PNG file; its folder is created
     * @param columns charts per row, {@code >= 1}
     * @param charts the charts, row by row; all cells take the size of the largest chart
     * @throws IOException if the file cannot be written
     */
    public static void writeGrid(Path file, int columns, List<? extends Chart<?, ?>> charts) throws IOException {
        if (columns < 1 || charts.isEmpty()) {
            throw new IllegalArgumentException("need at least one column and one chart");
        }
        int cellWidth = 0;
        int cellHeight = 0;
        for (Chart<?, ?> chart : charts) {
            cellWidth = Math.max(cellWidth, chart.getWidth());
            cellHeight = Math.max(cellHeight, chart.getHeight());
        }
        int rows = (charts.size() + columns - 1) / columns;
        int width = cellWidth * Math.min(columns, charts.size());
        BufferedImage image = new BufferedImage(width, cellHeight * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                BufferedImage cell = BitmapEncoder.getBufferedImage(charts.get(i));
                graphics.drawImage(cell, (i % columns) * cellWidth, (i / columns) * cellHeight, null);
            }
        } finally {
            graphics.dispose();
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
