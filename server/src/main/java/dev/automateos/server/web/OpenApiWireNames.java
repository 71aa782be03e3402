package dev.automateos.server.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes the OpenAPI document say what the wire carries. springdoc reads records through its own
 * (Jackson 2) model resolver, which does not see the server's snake_case naming, so without this
 * every property would be documented in camelCase and every generated client (the web app's
 * types among them) would be wrong. It also documents the problem+json error body every endpoint
 * can answer, and says that a JsonNode is any JSON value.
 */
final class OpenApiWireNames implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        openApi.getComponents().getSchemas().values().forEach(schema -> rename(schema, seen));
        // springdoc describes Jackson's JsonNode by its Java getters (empty, array, float, …); on the
        // wire it is any JSON value, which an empty schema says.
        if (openApi.getComponents().getSchemas().containsKey("JsonNode")) {
            openApi.getComponents().addSchemas("JsonNode", new Schema<>().description("Any JSON value."));
        }
        openApi.getComponents().addSchemas("FieldProblem", fieldProblem());
        openApi.getComponents().addSchemas("Problem", problem());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void rename(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            Map<String, Schema> renamed = new LinkedHashMap<>();
            properties.forEach((name, property) -> renamed.put(snakeCase(name), property));
            schema.setProperties(renamed);
            renamed.values().forEach(property -> rename(property, seen));
        }
        if (schema.getRequired() != null) {
            schema.setRequired(schema.getRequired().stream().map(OpenApiWireNames::snakeCase).toList());
        }
        rename(schema.getItems(), seen);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            rename(values, seen);
        }
        for (List<Schema> alternatives : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (alternatives != null) {
                alternatives.forEach(alternative -> rename(alternative, seen));
            }
        }
    }

    /** {@code createdAt} → {@code created_at}, like Jackson's SNAKE_CASE strategy. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && name.charAt(i - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Schema<?> fieldProblem() {
        return new ObjectSchema().description("One thing wrong with a request.")
                .addProperty("path", new StringSchema().description("JSON Pointer into the body, or a parameter name."))
                .addProperty("code", new StringSchema())
                .addProperty("message", new StringSchema())
                .required(List.of("path", "code", "message"));
    }

    private static Schema<?> problem() {
        return new ObjectSchema().description("RFC 9457 problem details, as every error answers them.")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("Stable; program against it."))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem")))
                .addProperty("request_id", new StringSchema())
                .addProperty("locked_until", new StringSchema().format("date-time")
                        .description("With account_locked: when the lock ends."))
                .required(List.of("status", "code"));
    }
}
