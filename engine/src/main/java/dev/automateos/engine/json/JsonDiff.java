package dev.automateos.engine.json;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Structural difference between two JSON trees, RFC 6902-like: objects compared by key, arrays by index. */
public final class JsonDiff {

    private JsonDiff() {}

    public static List<JsonChange> diff(JsonNode from, JsonNode to) {
        return List.of();
    }
}
