package dev.secondchance.examples.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a small CSV file: a header and rows of plain values (no value contains a comma or quote). */
public final class CsvFile {

    private CsvFile() {}

    /**
     * Writes the file, creating its folder, replacing an older file.
     *
     * @param file where to write
     * @param header the header line, without newline
     * @param rows the rows, each without newline
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, String header, List<String> rows) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        StringBuilder text = new StringBuilder(header).append('\n');
        for (String row : rows) {
            text.append(row).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
