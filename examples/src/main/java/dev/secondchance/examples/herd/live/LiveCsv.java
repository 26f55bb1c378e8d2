package dev.secondchance.examples.herd.live;

import dev.secondchance.examples.report.CsvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code live.csv}: one row per strategy and mode ({@code shared}, {@code fleet}, {@code hint}).
 * {@code all_done_ms} is empty when some client never
 * succeeded (then there is no time at which every client had).
 */
public final class LiveCsv {

    /** The file's name in the output folder. */
    public static final String FILE_NAME = "live.csv";

    /** The header: the columns, with the mode first and the early sends (hint mode) last. */
    public static final String HEADER =
            "mode,strategy,total_requests,rejected,peak_per_100ms_after_recovery,all_done_ms,gave_up,early_sends";

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
            rows.add(result.mode().label() + "," + result.strategy() + "," + result.totalRequests() + "," + result.rejected() + ","
                    + result.peakPer100msAfterRecovery() + ","
                    + (result.allDoneMs().isPresent() ? String.valueOf(result.allDoneMs().getAsLong()) : "") + ","
                    + result.gaveUp() + "," + result.earlySends());
        }
        Path file = folder.resolve(FILE_NAME);
        CsvFile.write(file, HEADER, rows);
        return file;
    }
}
