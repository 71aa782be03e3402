package dev.automateos.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Damages a valid document at random places: the validator must answer with problems, never throw. */
class WorkflowValidatorRobustnessTest {

    private static final WorkflowValidator VALIDATOR = new WorkflowValidator(TestNodes.catalog());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String VALID = """
            {"schema_version": 1, "name": "R", "tags": ["t"], "settings": {"timezone": "UTC"}, "vars": {"a": 1},
             "trigger": {"id": "trigger", "type": "test.start", "version": 1, "name": "Start", "config": {}},
             "nodes": [
               {"id": "a", "type": "test.echo", "version": 1, "name": "A", "config": {"message": "{{ 1 }}", "count": 2}},
               {"id": "b", "type": "test.branch", "version": 1, "name": "B", "position": {"x": 1, "y": 2}}],
             "connections": [{"from": "trigger", "to": "a"}, {"from": "a", "to": "b", "output": "main"}]}
            """;

    @Test
    void answersEveryDamagedDocumentWithProblemsInsteadOfThrowing() {
        Random random = new Random(20260301);
        for (int round = 0; round < 2_000; round++) {
            ObjectNode doc = (ObjectNode) WorkflowFormat.parseJson(VALID);
            for (int hits = 0; hits < 1 + random.nextInt(4); hits++) {
                damage(doc, random);
            }

            List<ValidationProblem> problems = VALIDATOR.validate(doc);

            assertThat(problems).as("round %d: %s", round, doc)
                    .noneMatch(p -> p.message().contains("could not be fully validated"))
                    .allSatisfy(p -> assertThat(p.path()).satisfiesAnyOf(
                            path -> assertThat(path).isEmpty(), path -> assertThat(path).startsWith("/")));
        }
    }

    private static void damage(JsonNode doc, Random random) {
        List<Map.Entry<JsonNode, Object>> slots = new ArrayList<>();
        collect(doc, slots);
        Map.Entry<JsonNode, Object> slot = slots.get(random.nextInt(slots.size()));
        JsonNode replacement = junk(random);
        if (slot.getKey() instanceof ObjectNode object) {
            if (random.nextInt(4) == 0) {
                object.remove((String) slot.getValue());
            } else {
                object.set((String) slot.getValue(), replacement);
            }
        } else if (slot.getKey() instanceof ArrayNode array) {
            array.set((Integer) slot.getValue(), replacement);
        }
    }

    private static void collect(JsonNode node, List<Map.Entry<JsonNode, Object>> slots) {
        if (node.isObject()) {
            for (String key : node.propertyNames()) {
                slots.add(Map.entry(node, key));
                collect(node.get(key), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(Map.entry(node, i));
                collect(node.get(i), slots);
            }
        }
    }

    private static JsonNode junk(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextInt(5) - 2);
            case 2 -> NODES.numberNode(1e300);
            case 3 -> NODES.stringNode(random.nextBoolean() ? "" : "{{ (");
            case 4 -> NODES.stringNode(random.nextBoolean() ? "a" : "}} {{");
            case 5 -> NODES.booleanNode(random.nextBoolean());
            case 6 -> NODES.arrayNode().add(NODES.objectNode()).add("trigger");
            case 7 -> NODES.objectNode().put("from", "a").put("to", "trigger").put("id", "a");
            case 8 -> NODES.stringNode("test.echo");
            default -> NODES.objectNode();
        };
    }
}
