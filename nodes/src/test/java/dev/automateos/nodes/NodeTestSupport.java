package dev.automateos.nodes;

import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.node.ConfigSchema;
import dev.automateos.engine.workflow.WorkflowFormat;
import tools.jackson.databind.JsonNode;

/** Binds config JSON the way the engine will: checked against the generated schema first, then bound. */
public final class NodeTestSupport {

    private NodeTestSupport() {}

    public static <C extends Record> C config(Class<C> type, String json) {
        JsonNode tree = WorkflowFormat.parseJson(json);
        var violations = ConfigSchema.of(type).validate(tree);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("config breaks its schema: " + violations);
        }
        return EngineJson.mapper().treeToValue(tree, type);
    }

    public static JsonNode toJson(Object result) {
        return EngineJson.mapper().valueToTree(result);
    }
}
