package dev.secondchance.examples.payments;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run of the payments example produced.
 *
 * @param results one result per scenario, in the order run
 * @param report the report built from them
 * @param csv the CSV file written
 */
public record PaymentsRun(List<ScenarioResult> results, PaymentsReport report, Path csv) {

    /** Copies the list. */
    public PaymentsRun {
        results = List.copyOf(results);
    }
}
