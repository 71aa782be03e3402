package dev.automateos.engine.workflow;

import dev.automateos.engine.json.JsonPointers;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Finds the strings of a config that sit in template fields: walks the config alongside its
 * generated schema ({@code properties}, {@code additionalProperties}, {@code items}, {@code $ref}
 * into {@code $defs}, and every branch of {@code anyOf}/{@code oneOf}/{@code allOf}) and reports each
 * string whose schema says {@code "x-expression": true}, once.
 */
final class TemplateFields {

    private static final int MAX_DEPTH = 64;

    private final JsonNode root;

    TemplateFields(JsonNode rootSchema) {
        this.root = rootSchema;
    }

    /** Calls {@code action(text, pointer)} for every template string in {@code config}. */
    void forEach(JsonNode config, String pointer, BiConsumer<String, String> action) {
        Set<String> seen = new HashSet<>();
        walk(root, config, pointer, 0, (text, at) -> {
            if (seen.add(at)) {
                action.accept(text, at);
            }
        });
    }

    private void walk(JsonNode schema, JsonNode value, String pointer, int depth, BiConsumer<String, String> action) {
        if (schema == null || !schema.isObject() || value == null || depth > MAX_DEPTH) {
            return;
        }
        JsonNode resolved = resolve(schema);
        if (resolved != schema) {
            walk(resolved, value, pointer, depth + 1, action);
        }
        for (String combinator : new String[] {"anyOf", "oneOf", "allOf"}) {
            schema.path(combinator).values().forEach(branch -> walk(branch, value, pointer, depth + 1, action));
        }
        if (value.isString() && schema.path("x-expression").asBoolean(false)) {
            action.accept(value.stringValue(), pointer);
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode property = schema.path("properties").get(field.getKey());
                JsonNode fieldSchema = property != null ? property : schema.get("additionalProperties");
                walk(fieldSchema, field.getValue(), JsonPointers.append(pointer, field.getKey()), depth + 1, action);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                walk(schema.get("items"), value.get(i), JsonPointers.append(pointer, i), depth + 1, action);
            }
        }
    }

    /** The schema a local {@code $ref} ("#/$defs/Name", "#") points at, or the schema itself. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null || !ref.isString() || !ref.stringValue().startsWith("#")) {
            return schema;
        }
        JsonNode target = root.at(ref.stringValue().substring(1));
        return target.isMissingNode() ? schema : target;
    }
}
