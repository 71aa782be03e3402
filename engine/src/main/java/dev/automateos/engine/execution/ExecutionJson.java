package dev.automateos.engine.execution;

import dev.automateos.engine.json.EngineJson;
import tools.jackson.databind.JsonNode;

/**
 * The stored form of an {@link ExecutionState}: snake_case JSON holding only ids, statuses (as
 * lower-case names), ISO-8601 instants and the steps' JSON data, never a class name. Reading what
 * was written gives an equal state. Unknown fields are rejected, so a store never silently drops data.
 */
public final class ExecutionJson {

    private ExecutionJson() {}

    public static String write(ExecutionState state) {
        return EngineJson.mapper().writeValueAsString(state);
    }

    public static JsonNode toTree(ExecutionState state) {
        return EngineJson.mapper().valueToTree(state);
    }

    /** Throws {@link tools.jackson.core.JacksonException} when the text is not a stored execution state. */
    public static ExecutionState read(String json) {
        return EngineJson.mapper().readValue(json, ExecutionState.class);
    }

    public static ExecutionState fromTree(JsonNode json) {
        return EngineJson.mapper().treeToValue(json, ExecutionState.class);
    }
}
