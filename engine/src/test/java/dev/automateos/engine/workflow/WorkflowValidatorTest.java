package dev.automateos.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class WorkflowValidatorTest {

    private static final WorkflowValidator VALIDATOR = new WorkflowValidator(TestNodes.catalog());

    private static final String VALID = """
            {
              "schema_version": 1,
              "name": "Test",
              "trigger": {"id": "trigger", "type": "test.start", "version": 1, "name": "Start"},
              "nodes": [
                {"id": "a", "type": "test.echo", "version": 1, "name": "A", "config": {"message": "hi"}},
                {"id": "b", "type": "test.echo", "version": 2, "name": "B", "config": {"message": "{{ $nodes.A }}"}}
              ],
              "connections": [{"from": "trigger", "to": "a"}, {"from": "a", "to": "b"}]
            }
            """;

    static Stream<Path> goldenFixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(WorkflowValidatorTest.class.getResource("/workflows/valid")).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("goldenFixtures")
    void acceptsEveryGoldenFixture(Path fixture) throws IOException {
        String text = Files.readString(fixture);
        JsonNode doc = fixture.toString().endsWith(".yaml") ? WorkflowFormat.parseYaml(text) : WorkflowFormat.parseJson(text);

        assertThat(VALIDATOR.validate(doc)).isEmpty();
    }

    @Test
    void acceptsTheBaseDocumentOfTheseTests() {
        assertThat(VALIDATOR.validate(valid())).isEmpty();
    }

    @Test
    void rejectsADocumentThatIsNotAnObject() {
        assertThat(codes(WorkflowFormat.parseJson("[1, 2]"))).containsExactly(tuple("", "invalid_document"));
        assertThat(VALIDATOR.validate(null)).extracting(ValidationProblem::code).containsExactly("invalid_document");
    }

    @Test
    void reportsMissingRequiredFields() {
        ObjectNode doc = valid();
        doc.remove("schema_version");
        doc.remove("name");
        node(doc, "/nodes/0").remove("id");
        node(doc, "/nodes/1").remove("version");

        assertThat(codes(doc)).containsExactlyInAnyOrder(
                tuple("/schema_version", "missing_field"),
                tuple("/name", "missing_field"),
                tuple("/nodes/0/id", "missing_field"),
                tuple("/nodes/1/version", "missing_field"),
                // The connections naming the node without an id can no longer be resolved.
                tuple("/connections/0/to", "dangling_connection"),
                tuple("/connections/1/from", "dangling_connection"));
    }

    @Test
    void rejectsUnknownFieldsAtEveryLevel() {
        ObjectNode doc = valid();
        doc.put("owner", "me");
        node(doc, "/nodes/0").put("colour", "red");
        node(doc, "/connections/0").put("label", "x");

        assertThat(codes(doc)).containsExactly(
                tuple("/owner", "unknown_field"),
                tuple("/nodes/0/colour", "unknown_field"),
                tuple("/connections/0/label", "unknown_field"));
        assertThat(VALIDATOR.validate(doc).getFirst().message()).contains("'owner'", "schema_version");
    }

    @Test
    void rejectsWronglyTypedFields() {
        ObjectNode doc = valid();
        doc.put("name", 42);
        doc.put("tags", "one");
        doc.put("vars", "x");
        node(doc, "/nodes/0").put("version", "1");
        node(doc, "/nodes/1").put("config", "message");

        assertThat(codes(doc)).containsExactly(
                tuple("/name", "wrong_type"),
                tuple("/tags", "wrong_type"),
                tuple("/vars", "wrong_type"),
                tuple("/nodes/0/version", "wrong_type"),
                tuple("/nodes/1/config", "wrong_type"));
    }

    @Test
    void rejectsAnUnsupportedSchemaVersion() {
        ObjectNode doc = valid();
        doc.put("schema_version", 2);

        assertThat(VALIDATOR.validate(doc)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/schema_version");
            assertThat(p.code()).isEqualTo("unsupported_schema_version");
            assertThat(p.message()).contains("schema_version 1");
        });
    }

    @Test
    void rejectsIdsThatBreakThePattern() {
        ObjectNode doc = valid();
        node(doc, "/trigger").put("id", "Start");
        node(doc, "/nodes/0").put("id", "1st");
        node(doc, "/nodes/1").put("id", "b".repeat(64));
        doc.remove("connections");

        assertThat(codes(doc)).containsExactly(
                tuple("/trigger/id", "invalid_id"), tuple("/nodes/0/id", "invalid_id"), tuple("/nodes/1/id", "invalid_id"));
    }

    @Test
    void rejectsIdsUsedTwiceAcrossTriggerAndNodes() {
        ObjectNode doc = valid();
        node(doc, "/nodes/0").put("id", "trigger");
        doc.remove("connections");

        assertThat(VALIDATOR.validate(doc)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/nodes/0/id");
            assertThat(p.code()).isEqualTo("duplicate_id");
            assertThat(p.message()).contains("/trigger/id");
        });
    }

    @Test
    void rejectsDuplicateBlankPaddedAndOverlongNames() {
        ObjectNode doc = valid();
        node(doc, "/trigger").put("name", "A");
        node(doc, "/nodes/0").put("name", "   ");
        node(doc, "/nodes/1").put("name", " B");
        doc.put("name", "x".repeat(201));
        ObjectNode third = node(doc, "/nodes/1").deepCopy().put("id", "c").put("name", "A");
        ((ArrayNode) doc.get("nodes")).add(third);

        assertThat(codes(doc)).containsExactly(
                tuple("/name", "too_long"),
                tuple("/nodes/0/name", "invalid_value"),
                tuple("/nodes/1/name", "invalid_value"),
                tuple("/nodes/2/name", "duplicate_name"));
    }

    @Test
    void rejectsAnUnknownNodeTypeAndSuggestsANearMatch() {
        ObjectNode doc = valid();
        node(doc, "/nodes/0").put("type", "test.ecko");

        assertThat(VALIDATOR.validate(doc)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/nodes/0/type");
            assertThat(p.code()).isEqualTo("unknown_node_type");
            assertThat(p.message()).contains("'test.ecko'", "Did you mean 'test.echo'?");
        });
    }

    @Test
    void rejectsAnUnknownVersionOfAKnownTypeListingTheKnownVersions() {
        ObjectNode doc = valid();
        node(doc, "/nodes/0").put("version", 3);

        assertThat(VALIDATOR.validate(doc)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/nodes/0/version");
            assertThat(p.code()).isEqualTo("unknown_node_version");
            assertThat(p.message()).contains("known versions: 1, 2");
        });
    }

    @Test
    void rejectsConfigThatBreaksTheNodeTypeSchemaPointingIntoTheConfig() {
        ObjectNode doc = valid();
        node(doc, "/nodes/0/config").remove("message");
        node(doc, "/nodes/0/config").put("count", 0).put("colour", "red");
        node(doc, "/nodes/1/config").put("message", 7);

        assertThat(codes(doc)).containsExactly(
                tuple("/nodes/0/config/colour", "invalid_config"),
                tuple("/nodes/0/config/count", "invalid_config"),
                tuple("/nodes/0/config/message", "invalid_config"),
                tuple("/nodes/1/config/message", "invalid_config"));
        assertThat(VALIDATOR.validate(doc)).extracting(ValidationProblem::message)
                .anySatisfy(m -> assertThat(m).contains("'message' is required"))
                .anySatisfy(m -> assertThat(m).contains("'colour'"));
    }

    @Test
    void checksAMissingConfigAsAnEmptyOne() {
        ObjectNode doc = valid();
        node(doc, "/nodes/0").remove("config");

        assertThat(codes(doc)).containsExactly(tuple("/nodes/0/config/message", "invalid_config"));
    }

    @Test
    void rejectsConnectionsNamingNoNode() {
        ObjectNode doc = valid();
        connections(doc).addObject().put("from", "ghost").put("to", "nobody");

        assertThat(codes(doc)).containsExactly(
                tuple("/connections/2/from", "dangling_connection"), tuple("/connections/2/to", "dangling_connection"));
    }

    @Test
    void rejectsAnOutputTheSourceNodeTypeDoesNotDeclare() {
        ObjectNode doc = valid();
        ((ArrayNode) doc.get("nodes")).addObject().put("id", "br").put("type", "test.branch").put("version", 1)
                .put("name", "Branch");
        connections(doc).addObject().put("from", "a").put("to", "br").put("output", "error");
        connections(doc).addObject().put("from", "br").put("to", "b");
        connections(doc).addObject().put("from", "br").put("to", "b").put("output", "yes");

        List<ValidationProblem> problems = VALIDATOR.validate(doc);

        assertThat(problems).extracting(ValidationProblem::path, ValidationProblem::code).containsExactly(
                tuple("/connections/2/output", "invalid_output"), tuple("/connections/3/output", "invalid_output"));
        assertThat(problems.get(0).message()).contains("no output 'error'", "main");
        assertThat(problems.get(1).message()).contains("no 'main' output", "yes, no");
    }

    @Test
    void rejectsACycleNamingTheNodesInIt() {
        ObjectNode doc = valid();
        ((ArrayNode) doc.get("nodes")).addObject().put("id", "c").put("type", "test.echo").put("version", 1)
                .put("name", "C").putObject("config").put("message", "x");
        connections(doc).addObject().put("from", "b").put("to", "c");
        connections(doc).addObject().put("from", "c").put("to", "a");

        assertThat(VALIDATOR.validate(doc)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("cycle");
            assertThat(p.path()).isEqualTo("/connections/1");
            assertThat(p.message()).contains("a -> b -> c -> a");
        });
    }

    @Test
    void rejectsANodeConnectedToItself() {
        ObjectNode doc = valid();
        connections(doc).addObject().put("from", "b").put("to", "b");

        assertThat(codes(doc)).containsExactly(tuple("/connections/2", "cycle"));
    }

    @Test
    void rejectsConnectionsIntoTheTrigger() {
        ObjectNode doc = valid();
        connections(doc).addObject().put("from", "b").put("to", "trigger");

        assertThat(codes(doc)).containsExactly(tuple("/connections/2/to", "connection_into_trigger"));
    }

    @Test
    void rejectsTheSameConnectionTwice() {
        ObjectNode doc = valid();
        connections(doc).addObject().put("from", "a").put("to", "b").put("output", "main");

        assertThat(codes(doc)).containsExactly(tuple("/connections/2", "duplicate_connection"));
    }

    @Test
    void rejectsATriggerTypeAmongTheNodes() {
        ObjectNode doc = valid();
        node(doc, "/nodes/1").put("type", "test.start").put("version", 1).remove("config");

        assertThat(codes(doc)).containsExactly(tuple("/nodes/1/type", "multiple_triggers"));
    }

    @Test
    void rejectsAnActionTypeAsTheTrigger() {
        ObjectNode doc = valid();
        node(doc, "/trigger").put("type", "test.echo").putObject("config").put("message", "x");

        assertThat(codes(doc)).containsExactly(tuple("/trigger/type", "not_a_trigger"));
    }

    @Test
    void rejectsAWorkflowWithoutTrigger() {
        ObjectNode doc = valid();
        doc.remove("trigger");
        doc.remove("connections");

        assertThat(codes(doc)).containsExactly(tuple("/trigger", "missing_trigger"));
    }

    @Test
    void rejectsTemplatesWhoseExpressionsDoNotParseInEveryTemplateField() {
        ObjectNode doc = valid();
        node(doc, "/nodes/0/config").put("message", "Hi {{ $trigger.body. }}");
        ObjectNode config = node(doc, "/nodes/1/config");
        config.put("message", "{{ 1 + 1 ");
        config.putArray("lines").add("fine").add("oops }}");
        config.putObject("headers").put("x-deep", "{{ }}");

        List<ValidationProblem> problems = VALIDATOR.validate(doc);

        assertThat(problems).extracting(ValidationProblem::path, ValidationProblem::code).containsExactly(
                tuple("/nodes/0/config/message", "expression_syntax"),
                tuple("/nodes/1/config/message", "expression_syntax"),
                tuple("/nodes/1/config/lines/1", "expression_syntax"),
                tuple("/nodes/1/config/headers/x-deep", "expression_syntax"));
        assertThat(problems.getFirst().message()).contains("$trigger.body.", "does not parse");
    }

    @Test
    void leavesPlainStringFieldsAloneEvenWhenTheyHoldBraces() {
        ObjectNode doc = valid();
        node(doc, "/nodes/1/config").put("raw", "{\"a\":{\"b\":1}} and }} too");

        assertThat(VALIDATOR.validate(doc)).isEmpty();
    }

    @Test
    void doesNotCheckTemplatesInFieldsItDoesNotKnow() {
        ObjectNode doc = valid();
        node(doc, "/nodes/1/config").put("extra", "{{ (");

        assertThat(codes(doc)).containsExactly(tuple("/nodes/1/config/extra", "invalid_config"));
    }

    @Test
    void refusesReservedNamesInExpressions() {
        ObjectNode doc = valid();
        node(doc, "/nodes/1/config").put("message", "{{ ($__evaluate_entry := (); 1) }}");

        List<ValidationProblem> problems = VALIDATOR.validate(doc);

        assertThat(problems).extracting(ValidationProblem::code).containsExactly("expression_syntax");
        assertThat(problems.getFirst().message()).contains("reserved");
    }

    @Test
    void rejectsBadSettings() {
        ObjectNode doc = valid();
        doc.putObject("settings").put("timezone", "Mars/Olympus").put("timeout_seconds", 0)
                .put("max_concurrency", 1.5).put("priority", "urgent").put("retries", 3);

        assertThat(codes(doc)).containsExactly(
                tuple("/settings/retries", "unknown_field"),
                tuple("/settings/timezone", "invalid_value"),
                tuple("/settings/timeout_seconds", "invalid_value"),
                tuple("/settings/max_concurrency", "wrong_type"),
                tuple("/settings/priority", "invalid_value"));
    }

    @Test
    void rejectsMoreNodesThanTheLimit() {
        ObjectNode doc = valid();
        ArrayNode nodes = doc.putArray("nodes");
        for (int i = 0; i <= 500; i++) {
            nodes.addObject().put("id", "n" + i).put("type", "test.echo").put("version", 1).put("name", "N" + i)
                    .putObject("config").put("message", "x");
        }
        doc.remove("connections");

        assertThat(codes(doc)).containsExactly(tuple("/nodes", "too_many"));
    }

    @Test
    void allowsNodesThatNoPathFromTheTriggerReaches() {
        ObjectNode doc = valid();
        doc.remove("connections");

        assertThat(VALIDATOR.validate(doc)).isEmpty();
    }

    @Test
    void reportsEveryProblemOfABrokenDocumentAtOnce() {
        JsonNode doc = WorkflowFormat.parseJson("""
                {
                  "schema_version": 1,
                  "name": "",
                  "colour": "blue",
                  "trigger": {"id": "trigger", "type": "test.echo", "version": 1, "name": "Go", "config": {"message": "x"}},
                  "nodes": [
                    {"id": "a", "type": "test.echo", "version": 9, "name": "A"},
                    {"id": "a", "type": "nope.node", "version": 1, "name": "Go"},
                    {"id": "b", "type": "test.echo", "version": 1, "name": "B", "config": {"message": "{{ ( }}", "count": -1}},
                    {"id": "c", "type": "test.start", "version": 1, "name": "C"},
                    {"id": "d", "type": "test.branch", "version": 1, "name": "D"}
                  ],
                  "connections": [
                    {"from": "trigger", "to": "b"},
                    {"from": "b", "to": "zzz"},
                    {"from": "d", "to": "b", "output": "maybe"},
                    {"from": "b", "to": "c"},
                    {"from": "c", "to": "b"},
                    {"from": "b", "to": "trigger"}
                  ],
                  "settings": {"priority": "now"}
                }
                """);

        assertThat(codes(doc)).containsExactly(
                tuple("/colour", "unknown_field"),
                tuple("/name", "invalid_value"),
                tuple("/settings/priority", "invalid_value"),
                tuple("/trigger/type", "not_a_trigger"),
                tuple("/nodes/0/version", "unknown_node_version"),
                tuple("/nodes/1/id", "duplicate_id"),
                tuple("/nodes/1/name", "duplicate_name"),
                tuple("/nodes/1/type", "unknown_node_type"),
                tuple("/nodes/2/config/count", "invalid_config"),
                tuple("/nodes/2/config/message", "expression_syntax"),
                tuple("/nodes/3/type", "multiple_triggers"),
                tuple("/connections/1/to", "dangling_connection"),
                tuple("/connections/2/output", "invalid_output"),
                tuple("/connections/5/to", "connection_into_trigger"),
                tuple("/connections/3", "cycle"));
    }

    private static List<org.assertj.core.groups.Tuple> codes(JsonNode doc) {
        return VALIDATOR.validate(doc).stream().map(p -> tuple(p.path(), p.code())).toList();
    }

    private static ObjectNode valid() {
        return (ObjectNode) WorkflowFormat.parseJson(VALID);
    }

    private static ObjectNode node(JsonNode doc, String pointer) {
        return (ObjectNode) doc.at(pointer);
    }

    private static ArrayNode connections(JsonNode doc) {
        return (ArrayNode) doc.get("connections");
    }
}
