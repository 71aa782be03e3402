package dev.automateos.server.credential;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.automateos.server.web.FieldProblem;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks a credential's {@code data} against its generated schema. The problems it reports are
 * written here from the keyword and the schema, never from the library's message: those may
 * quote the rejected value, and a rejected value may be a secret.
 */
final class DataValidator {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;

    DataValidator(JsonNode schema) {
        this.schema = REGISTRY.getSchema(schema);
    }

    /** Problems with paths under {@code prefix} (e.g. {@code /data}); empty when the data is valid. */
    List<FieldProblem> validate(JsonNode data, String prefix) {
        return schema.validate(data).stream().map(error -> describe(error, prefix)).distinct().toList();
    }

    private static FieldProblem describe(Error error, String prefix) {
        String path = prefix + pointer(error.getInstanceLocation());
        JsonNode rule = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "required" -> new FieldProblem(path + "/" + escape(error.getProperty()), "required",
                    "This field is required.");
            case "additionalProperties" -> new FieldProblem(path + "/" + escape(error.getProperty()), "unknown_field",
                    "This field is not allowed here.");
            case "type" -> new FieldProblem(path, "invalid_type", "Expected " + article(rule) + ".");
            case "enum" -> new FieldProblem(path, "invalid_value", "Must be one of " + rule + ".");
            case "minLength" -> new FieldProblem(path, rule.asInt() <= 1 ? "required" : "too_short",
                    rule.asInt() <= 1 ? "Must not be empty." : "Must be at least " + rule.asInt() + " characters long.");
            case "maxLength" -> new FieldProblem(path, "too_long", "Must be at most " + rule.asInt()
                    + " characters long.");
            case "pattern" -> new FieldProblem(path, "invalid_format", "Has characters that are not allowed here "
                    + "(it must match " + rule.asString() + ").");
            default -> new FieldProblem(path, "invalid_value", "This value is not valid (" + error.getKeyword() + ").");
        };
    }

    private static String article(JsonNode type) {
        String name = type.isString() ? type.asString() : type.toString();
        return switch (name) {
            case "object", "array", "integer" -> "an " + name;
            default -> "a " + name;
        };
    }

    static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    private static String escape(String segment) {
        return segment == null ? "" : segment.replace("~", "~0").replace("/", "~1");
    }
}
