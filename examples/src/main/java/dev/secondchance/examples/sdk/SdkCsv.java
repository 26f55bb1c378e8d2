package dev.secondchance.examples.sdk;

import dev.secondchance.examples.report.CsvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes {@code sdk-wrapping.csv}: one row per call; the waits are separated by spaces. */
public final class SdkCsv {

    /** The file's header. */
    public static final String HEADER = "scenario,style,attempts,requests_seen,waits_ms,end_reason,elapsed_ms";

    private SdkCsv() {}

    /**
     * @param folder where to write
     * @param results the calls
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public static Path write(Path folder, List<CallResult> results) throws IOException {
        Path file = folder.resolve("sdk-wrapping.csv");
        CsvFile.write(file, HEADER, results.stream().map(r -> String.join(",", r.scenario().label(),
                r.style().label(), Integer.toString(r.attempts()), Integer.toString(r.requests()),
                r.waitsMillis().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                r.endReason().name(), Long.toString(r.elapsed().toMillis()))).toList());
        return file;
    }
}
