package dev.secondchance.examples.herd.scaled;

import dev.secondchance.examples.report.Check;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a run of the scaled herd produced.
 *
 * @param rows one per strategy and mode
 * @param agreement the comparison with the live rows, if any were given
 * @param csv the file written
 */
public record ScaledRun(List<ScaledRow> rows, Optional<Check> agreement, Path csv) {}
