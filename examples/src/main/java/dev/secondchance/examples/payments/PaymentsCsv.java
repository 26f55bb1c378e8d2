package dev.secondchance.examples.payments;

import dev.secondchance.examples.report.CsvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code payments.csv}: one row per scenario. */
public final class PaymentsCsv {

    /** The file's header. */
    public static final String HEADER = "scenario,charges,checks_hold,elapsed_ms";

    private PaymentsCsv() {}

    /**
     * @param folder where to write
     * @param results the scenarios' results
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public static Path write(Path folder, List<ScenarioResult> results) throws IOException {
        Path file = folder.resolve("payments.csv");
        CsvFile.write(file, HEADER, results.stream().map(r -> String.join(",", r.name(),
                Integer.toString(r.charges()), Boolean.toString(r.holds()),
                Long.toString(r.elapsed().toMillis()))).toList());
        return file;
    }
}
