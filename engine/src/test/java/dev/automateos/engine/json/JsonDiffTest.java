package dev.automateos.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.automateos.engine.workflow.WorkflowFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonDiffTest {

    @Test
    void findsNothingBetweenEqualDocuments() {
        assertThat(JsonDiff.diff(json("{\"a\": [1, {\"b\": 2.0}]}"), json("{\"a\": [1, {\"b\": 2}]}"))).isEmpty();
    }

    @Test
    void comparesObjectsByKey() {
        List<JsonChange> changes = JsonDiff.diff(json("{\"a\": 1, \"b\": {\"c\": true}, \"gone\": 0}"),
                json("{\"b\": {\"c\": false}, \"a\": 1, \"new\": \"x\"}"));

        assertThat(changes).extracting(JsonChange::op, JsonChange::path, c -> text(c.oldValue()), c -> text(c.newValue()))
                .containsExactly(
                        tuple("replace", "/b/c", "true", "false"),
                        tuple("remove", "/gone", "0", null),
                        tuple("add", "/new", null, "\"x\""));
    }

    @Test
    void comparesArraysByIndexRemovingFromTheEnd() {
        assertThat(JsonDiff.diff(json("[1, 2, 3, 4]"), json("[1, 5]")))
                .extracting(JsonChange::op, JsonChange::path)
                .containsExactly(tuple("replace", "/1"), tuple("remove", "/3"), tuple("remove", "/2"));
        assertThat(JsonDiff.diff(json("[1]"), json("[1, [2]]")))
                .extracting(JsonChange::op, JsonChange::path).containsExactly(tuple("add", "/1"));
    }

    @Test
    void replacesAValueWhoseTypeChanged() {
        assertThat(JsonDiff.diff(json("{\"a\": {\"b\": 1}}"), json("{\"a\": [1]}")))
                .extracting(JsonChange::op, JsonChange::path).containsExactly(tuple("replace", "/a"));
    }

    @Test
    void escapesSlashAndTildeInPaths() {
        assertThat(JsonDiff.diff(json("{\"a/b\": {\"~c\": 1}}"), json("{\"a/b\": {\"~c\": 2}}")))
                .extracting(JsonChange::path).containsExactly("/a~1b/~0c");
    }

    @Test
    void treatsNullAsAnAbsentDocument() {
        assertThat(JsonDiff.diff(null, json("{}"))).extracting(JsonChange::op, JsonChange::path)
                .containsExactly(tuple("add", ""));
        assertThat(JsonDiff.diff(json("{}"), null)).extracting(JsonChange::op).containsExactly("remove");
        assertThat(JsonDiff.diff(null, null)).isEmpty();
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.toString();
    }

    private static JsonNode json(String text) {
        return WorkflowFormat.parseJson(text);
    }
}
