package dev.secondchance.examples.herd.live;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run of the live herd produced.
 *
 * @param results one result per strategy
 * @param report the report built from them
 * @param threads which threads the clients ran on
 * @param csv the CSV file written
 * @param charts the PNG charts written, one per mode, then the sampled meters of the rows
 *     {@link LiveHerd#METER_CHART_ROWS} that ran; empty if charts were off
 */
public record LiveRun(List<LiveResult> results, LiveReport report, String threads, Path csv, List<Path> charts) {}
