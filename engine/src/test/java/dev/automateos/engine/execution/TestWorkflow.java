package dev.automateos.engine.execution;

import dev.automateos.engine.json.EngineJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds workflow documents for tests: a {@code test.start} trigger with id {@code trigger}, then nodes and connections. */
final class TestWorkflow {

    private final ObjectNode document = EngineJson.mapper().createObjectNode();
    private final ArrayNode nodes = document.putArray("nodes");
    private final ArrayNode connections = document.putArray("connections");

    TestWorkflow() {
        document.put("schema_version", 1).put("name", "Test flow");
        document.putObject("trigger").put("id", "trigger").put("type", "test.start").put("version", 1)
                .put("name", "Start");
    }

    /** A {@code test.act} node named after its id, with a config given as JSON text. */
    TestWorkflow act(String id, String configJson) {
        return node(id, "test.act", configJson);
    }

    TestWorkflow act(String id) {
        return act(id, "{}");
    }

    TestWorkflow node(String id, String type, String configJson) {
        ObjectNode node = nodes.addObject().put("id", id).put("type", type).put("version", 1).put("name", "N " + id);
        node.set("config", EngineJson.mapper().readTree(configJson));
        return this;
    }

    /** Sets a field of the node entry (e.g. {@code retry}, {@code timeout_ms}). */
    TestWorkflow with(String id, String field, String json) {
        for (JsonNode node : nodes) {
            if (node.get("id").asString().equals(id)) {
                ((ObjectNode) node).set(field, EngineJson.mapper().readTree(json));
            }
        }
        return this;
    }

    TestWorkflow connect(String from, String to) {
        connections.addObject().put("from", from).put("to", to);
        return this;
    }

    TestWorkflow connect(String from, String output, String to) {
        connections.addObject().put("from", from).put("to", to).put("output", output);
        return this;
    }

    TestWorkflow timeoutSeconds(int seconds) {
        document.putObject("settings").put("timeout_seconds", seconds);
        return this;
    }

    TestWorkflow vars(String json) {
        document.set("vars", EngineJson.mapper().readTree(json));
        return this;
    }

    JsonNode document() {
        return document;
    }

    ExecutionPlan plan() {
        return ExecutionPlan.compile(document, ExecutionTestNodes.catalog());
    }
}
