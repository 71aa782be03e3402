package dev.automateos.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkflowFormatTest {

    private static final String JSON = """
            {
              "schema_version": 1,
              "name": "Round trip",
              "trigger": {"id": "trigger", "type": "test.start", "version": 1, "name": "Start"},
              "nodes": [{"id": "a", "type": "test.echo", "version": 1, "name": "A",
                         "config": {"message": "{{ $trigger.body.title }}", "multi": "line one\\nline two",
                                    "yes": "yes", "number_text": "007", "empty": "", "nothing": null}}],
              "vars": {"n": 1.5, "flag": true, "list": [], "map": {}}
            }
            """;

    @Test
    void reportsLineAndColumnOfBrokenJson() {
        WorkflowFormatException e = catchThrowableOfType(WorkflowFormatException.class,
                () -> WorkflowFormat.parseJson("{\n  \"name\": \"x\",\n  \"tags\": [1,, 2]\n}"));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isGreaterThan(0);
        assertThat(e.getMessage()).startsWith("Invalid JSON at line 3, column ");
    }

    @Test
    void reportsLineAndColumnOfBrokenYaml() {
        WorkflowFormatException e = catchThrowableOfType(WorkflowFormatException.class,
                () -> WorkflowFormat.parseYaml("name: x\ntrigger:\n  id: [unclosed\nnodes: []\n"));

        assertThat(e.line()).isPositive();
        assertThat(e.column()).isPositive();
        assertThat(e.getMessage()).startsWith("Invalid YAML at line ");
    }

    @Test
    void rejectsDuplicateKeysTrailingContentAndEmptyText() {
        assertThat(catchThrowableOfType(WorkflowFormatException.class,
                () -> WorkflowFormat.parseJson("{\"a\": 1, \"a\": 2}")).getMessage()).contains("Duplicate", "\"a\"");
        assertThat(catchThrowableOfType(WorkflowFormatException.class,
                () -> WorkflowFormat.parseYaml("a: 1\na: 2\n")).getMessage()).contains("Duplicate");
        assertThat(catchThrowableOfType(WorkflowFormatException.class,
                () -> WorkflowFormat.parseJson("{} {}")).line()).isEqualTo(1);
        assertThat(catchThrowableOfType(WorkflowFormatException.class,
                () -> WorkflowFormat.parseYaml("  \n")).getMessage()).contains("empty");
    }

    @Test
    void roundTripsThroughYamlWithoutChangingTheDocument() {
        JsonNode original = WorkflowFormat.parseJson(JSON);

        String yaml = WorkflowFormat.toYaml(original);
        JsonNode back = WorkflowFormat.parseYaml(yaml);

        assertThat(back).isEqualTo(original);
        assertThat(yaml).doesNotStartWith("---").contains("name: Round trip");
    }

    @Test
    void roundTripsThroughPrettyJson() {
        JsonNode original = WorkflowFormat.parseJson(JSON);

        String json = WorkflowFormat.toJson(original);

        assertThat(json).contains("\n  \"name\" : \"Round trip\"");
        assertThat(WorkflowFormat.parseJson(json)).isEqualTo(original);
    }

    @Test
    void readsYamlAsAPersonWritesIt() {
        JsonNode doc = WorkflowFormat.parseYaml("""
                # comment
                name: Hand written
                tags: [a, b]
                settings:
                  timeout_seconds: 30
                nodes:
                  - config:
                      message: "{{ $input.x }}"
                      on: on
                """);

        assertThat(doc.at("/tags/1").asString()).isEqualTo("b");
        assertThat(doc.at("/settings/timeout_seconds").intValue()).isEqualTo(30);
        assertThat(doc.at("/nodes/0/config/message").asString()).isEqualTo("{{ $input.x }}");
    }
}
