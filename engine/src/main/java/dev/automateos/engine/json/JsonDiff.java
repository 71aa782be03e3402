package dev.automateos.engine.json;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Structural difference between two JSON trees, RFC 6902-like: objects are compared key by key
 * (keys of {@code from} first, in order, then keys only in {@code to}), arrays index by index, and
 * any other difference (including a type change) is one {@code replace} at that path. Numbers are
 * compared by value, so {@code 1} and {@code 1.0} are equal. Paths are RFC 6901 JSON Pointers; the
 * whole document is {@code ""}. A {@code null} argument is treated as an absent document.
 */
public final class JsonDiff {

    private JsonDiff() {}

    public static List<JsonChange> diff(JsonNode from, JsonNode to) {
        List<JsonChange> changes = new ArrayList<>();
        if (from == null && to == null) {
            return changes;
        }
        if (from == null) {
            changes.add(new JsonChange("add", "", null, to));
        } else if (to == null) {
            changes.add(new JsonChange("remove", "", from, null));
        } else {
            compare("", from, to, changes);
        }
        return changes;
    }

    private static void compare(String path, JsonNode from, JsonNode to, List<JsonChange> changes) {
        if (from.isObject() && to.isObject()) {
            compareObjects(path, from, to, changes);
        } else if (from.isArray() && to.isArray()) {
            compareArrays(path, from, to, changes);
        } else if (!sameValue(from, to)) {
            changes.add(new JsonChange("replace", path, from, to));
        }
    }

    private static void compareObjects(String path, JsonNode from, JsonNode to, List<JsonChange> changes) {
        for (String key : from.propertyNames()) {
            String child = JsonPointers.append(path, key);
            if (to.has(key)) {
                compare(child, from.get(key), to.get(key), changes);
            } else {
                changes.add(new JsonChange("remove", child, from.get(key), null));
            }
        }
        for (String key : to.propertyNames()) {
            if (!from.has(key)) {
                changes.add(new JsonChange("add", JsonPointers.append(path, key), null, to.get(key)));
            }
        }
    }

    private static void compareArrays(String path, JsonNode from, JsonNode to, List<JsonChange> changes) {
        int common = Math.min(from.size(), to.size());
        for (int i = 0; i < common; i++) {
            compare(JsonPointers.append(path, i), from.get(i), to.get(i), changes);
        }
        for (int i = common; i < to.size(); i++) {
            changes.add(new JsonChange("add", JsonPointers.append(path, i), null, to.get(i)));
        }
        // Removed from the end backwards, so applying the changes in order keeps the indexes valid.
        for (int i = from.size() - 1; i >= common; i--) {
            changes.add(new JsonChange("remove", JsonPointers.append(path, i), from.get(i), null));
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
