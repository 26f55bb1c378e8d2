package dev.secondchance.examples.herd.live;

import dev.secondchance.examples.report.CsvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code live.csv}: one row per strategy. {@code all_done_ms} is empty when some client never
 * succeeded (then there is no time at which every client had).
 */
public final class LiveCsv {

    /** The file's name in the output folder. */
    public static final String FILE_NAME = "live.csv";

    /** The header, exactly as the issue asks. */
    public static final String HEADER =
            "strategy,total_requests,rejected,peak_per_100ms_after_recovery,all_done_ms,gave_up";

    private LiveCsv() {}

    /**
     * Writes the file.
     *
     * @param folder the output folder; created if missing
     * @param results the results
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public static Path write(Path folder, List<LiveResult> results) throws IOException {
        List<String> rows = new ArrayList<>(results.size());
        for (LiveResult result : results) {
            rows.add(result.strategy() + "," + result.totalRequests() + "," + result.rejected() + ","
                    + result.peakPer100msAfterRecovery() + ","
                    + (result.allDoneMs().isPresent() ? String.valueOf(result.allDoneMs().getAsLong()) : "") + ","
                    + result.gaveUp());
        }
        Path file = folder.resolve(FILE_NAME);
        CsvFile.write(file, HEADER, rows);
        return file;
    }
}
