package dev.secondchance.examples.sdk;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run of the SDK example produced.
 *
 * @param results one result per scenario and style, in the order run
 * @param report the report built from them
 * @param csv the CSV file written
 */
public record SdkRun(List<CallResult> results, SdkReport report, Path csv) {

    /** Copies the list. */
    public SdkRun {
        results = List.copyOf(results);
    }
}
