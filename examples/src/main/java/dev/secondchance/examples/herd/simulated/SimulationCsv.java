package dev.secondchance.examples.herd.simulated;

import dev.secondchance.examples.report.CsvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes {@code simulation.csv}: the means over trials, one row per schedule and number of clients. */
public final class SimulationCsv {

    /** The file's name in the output folder. */
    public static final String FILE_NAME = "simulation.csv";

    /** The header, exactly as the issue asks. */
    public static final String HEADER = "strategy,clients,calls,completion_ms";

    private SimulationCsv() {}

    /**
     * Writes the file.
     *
     * @param folder the output folder; created if missing
     * @param points the results
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public static Path write(Path folder, List<PointResult> points) throws IOException {
        List<String> rows = new ArrayList<>(points.size());
        for (PointResult point : points) {
            rows.add(String.format(Locale.ROOT, "%s,%d,%.1f,%.1f", point.schedule(), point.clients(),
                    point.meanCalls(), point.meanCompletionMs()));
        }
        Path file = folder.resolve(FILE_NAME);
        CsvFile.write(file, HEADER, rows);
        return file;
    }
}
