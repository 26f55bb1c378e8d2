package dev.secondchance.examples.herd.simulated;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run of the simulated herd produced.
 *
 * @param points the means per schedule and number of clients
 * @param report the report built from them
 * @param summary the few closing lines
 * @param csv the CSV file written
 * @param chart the PNG chart written, or null if charts were off
 */
public record SimulationRun(List<PointResult> points, SimulationReport report, List<String> summary, Path csv,
        Path chart) {}
