package dev.automateos.server.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints rows as aligned columns for people. Long cells are cut with "...", and control
 * characters are replaced, so a name chosen by another user cannot move the cursor or forge output.
 */
final class Table {

    static final int MAX_CELL = 40;
    private static final String GAP = "  ";

    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = headers.clone();
    }

    Table add(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("Expected " + headers.length + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(cell -> truncate(clean(cell == null ? "" : cell.toString()), MAX_CELL))
                .toArray(String[]::new));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        printRow(out, headers, widths);
        rows.forEach(row -> printRow(out, row, widths));
        out.flush();
    }

    /** Prints {@code key  value} lines with the values aligned; values are not cut. */
    static void printFields(PrintWriter out, Map<String, String> fields) {
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((key, value) -> out.println(rightTrim(pad(clean(key) + ":", width + 1) + " " + clean(value))));
        out.flush();
    }

    /** An ISO timestamp shortened to whole seconds in UTC; anything else is shown as it is. */
    static String time(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(iso).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(iso).truncatedTo(ChronoUnit.SECONDS).toString();
            } catch (DateTimeParseException again) {
                return iso;
            }
        }
    }

    static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }

    /** Replaces control characters (ESC, CR, newlines, C1) that would let data steer the terminal. */
    static String clean(String value) {
        StringBuilder cleaned = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202E') {
                cleaned.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : '?');
            } else {
                cleaned.appendCodePoint(c);
            }
        });
        return cleaned.toString();
    }

    private static void printRow(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(i == 0 ? "" : GAP).append(pad(cells[i], widths[i]));
        }
        out.println(rightTrim(line.toString()));
    }

    private static String pad(String value, int width) {
        return value.length() >= width ? value : value + " ".repeat(width - value.length());
    }

    private static String rightTrim(String value) {
        return value.replaceAll("\\s+$", "");
    }
}
