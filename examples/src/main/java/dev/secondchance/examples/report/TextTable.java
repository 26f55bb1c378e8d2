package dev.secondchance.examples.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain-text table for the console: a header row, a rule, and the rows. A column whose cells are all
 * numbers (or empty) is right-aligned, any other left-aligned. Not thread-safe.
 */
public final class TextTable {

    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9.,]*( ?[x%s])?|-|");

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** @param header the column titles */
    public TextTable(String... header) {
        this.columns = header.length;
        rows.add(header.clone());
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column
     * @return this table
     * @throws IllegalArgumentException if the number of cells is not the number of columns
     */
    public TextTable row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toArray(String[]::new));
        return this;
    }

    /** @return the table, one line per row, each line ending with a newline */
    public String render() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            numeric[c] = true;
            for (int r = 1; r < rows.size(); r++) {
                numeric[c] &= NUMBER.matcher(rows.get(r)[c]).matches();
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int c = 0; c < columns; c++) {
                String gap = " ".repeat(widths[c] - row[c].length());
                text.append(numeric[c] ? gap + row[c] : row[c] + gap);
                text.append(c == columns - 1 ? "" : "  ");
            }
            trimEnd(text);
            text.append('\n');
            if (r == 0) {
                int total = Arrays.stream(widths).sum() + 2 * (columns - 1);
                text.append("-".repeat(total)).append('\n');
            }
        }
        return text.toString();
    }

    private static void trimEnd(StringBuilder text) {
        while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
        }
    }

    @Override
    public String toString() {
        return render();
    }
}
