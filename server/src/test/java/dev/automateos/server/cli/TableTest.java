package dev.automateos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {

    private static String print(Table table) {
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void alignsEveryColumnToItsWidestCell() {
        String printed = print(new Table("ID", "NAME", "ACTIVE")
                .add("1", "nightly-report", "yes")
                .add("22", "x", "no"));

        assertThat(printed.lines()).containsExactly(
                "ID  NAME            ACTIVE",
                "1   nightly-report  yes",
                "22  x               no");
    }

    @Test
    void cutsLongCellsWithAnEllipsis() {
        String longName = "n".repeat(Table.MAX_CELL + 10);

        String printed = print(new Table("NAME", "TAGS").add(longName, "a"));

        String row = printed.lines().toList().get(1);
        assertThat(row).startsWith("n".repeat(Table.MAX_CELL - 3) + "...  a");
        assertThat(row.indexOf("a")).isEqualTo(Table.MAX_CELL + 2);
    }

    @Test
    void showsNullsAsEmptyCellsWithoutTrailingSpaces() {
        String printed = print(new Table("A", "B").add("x", null));

        assertThat(printed.lines()).containsExactly("A  B", "x");
    }

    @Test
    void replacesControlCharactersSoDataCannotSteerTheTerminal() {
        String printed = print(new Table("NAME").add("evil\u001b[2J\nname\u202E"));

        assertThat(printed).doesNotContain("\u001b").doesNotContain("\u202E");
        assertThat(printed.lines()).containsExactly("NAME", "evil?[2J name?");
    }

    @Test
    void printsFieldsAsAlignedKeyValueLines() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", "0.1.0");
        fields.put("database.product", "H2");
        StringWriter text = new StringWriter();

        Table.printFields(new PrintWriter(text), fields);

        assertThat(text.toString().lines()).containsExactly(
                "version:          0.1.0",
                "database.product: H2");
    }

    @Test
    void shortensTimestampsToSecondsInUtcAndLeavesOtherTextAlone() {
        assertThat(Table.time("2026-11-22T10:15:03.123456+02:00")).isEqualTo("2026-11-22T08:15:03Z");
        assertThat(Table.time("2026-11-22T10:15:03.5Z")).isEqualTo("2026-11-22T10:15:03Z");
        assertThat(Table.time("")).isEmpty();
        assertThat(Table.time("yesterday")).isEqualTo("yesterday");
    }
}
