package dev.automateos.engine.node;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.automateos.engine.json.JsonPointers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A node type's config schema: the JSON (for the API and the UI form) and its compiled validator. Thread-safe. */
public final class ConfigSchema {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final ObjectNode json;
    private final Schema compiled;

    private ConfigSchema(ObjectNode json) {
        this.json = json;
        this.compiled = REGISTRY.getSchema(json);
        this.compiled.initializeValidators();
    }

    /** Generates the schema of a config record. Throws when the record cannot be described. */
    public static ConfigSchema of(Class<? extends Record> configType) {
        return new ConfigSchema(ConfigSchemaGenerator.generate(configType));
    }

    /** The schema document; a defensive copy. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** Every violation, ordered by location; empty when the config conforms. */
    public List<ConfigViolation> validate(JsonNode config) {
        List<ConfigViolation> violations = new ArrayList<>();
        List<Error> errors;
        try {
            errors = compiled.validate(config);
        } catch (RuntimeException e) {
            // The validator converts numbers to long in places and fails on huge ones; no config needs them.
            return hugeNumbers(config, "", new ArrayList<>());
        }
        for (Error error : errors) {
            violations.add(new ConfigViolation(pointerOf(error), messageOf(error)));
        }
        violations.sort(Comparator.comparing(ConfigViolation::pointer));
        return violations;
    }

    private static List<ConfigViolation> hugeNumbers(JsonNode node, String pointer, List<ConfigViolation> found) {
        if (node.isNumber() && !node.canConvertToLong()) {
            found.add(new ConfigViolation(pointer, "This number is out of range; use a value between "
                    + Long.MIN_VALUE + " and " + Long.MAX_VALUE + "."));
        } else if (node.isObject()) {
            node.properties().forEach(e -> hugeNumbers(e.getValue(), JsonPointers.append(pointer, e.getKey()), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                hugeNumbers(node.get(i), JsonPointers.append(pointer, i), found);
            }
        }
        if (found.isEmpty() && pointer.isEmpty()) {
            found.add(new ConfigViolation("", "The config could not be checked against its schema."));
        }
        return found;
    }

    private static String pointerOf(Error error) {
        String pointer = "";
        NodePath path = error.getInstanceLocation();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer = element instanceof Integer index
                    ? JsonPointers.append(pointer, index)
                    : JsonPointers.append(pointer, String.valueOf(element));
        }
        // A missing or unexpected property is best reported where the property is (or would be).
        boolean namesProperty = "required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword());
        if (namesProperty && error.getProperty() != null) {
            pointer = JsonPointers.append(pointer, error.getProperty());
        }
        return pointer;
    }

    /** networknt's messages start with the rule ("must have a minimum value of 1"); say which field. */
    private static String subject(Error error) {
        NodePath path = error.getInstanceLocation();
        if (path.getNameCount() == 0) {
            return "The config: ";
        }
        Object last = path.getElement(path.getNameCount() - 1);
        return last instanceof Integer index ? "Item " + index + ": " : "'" + last + "': ";
    }

    private static String messageOf(Error error) {
        return switch (error.getKeyword() == null ? "" : error.getKeyword()) {
            case "required" -> "'" + error.getProperty() + "' is required.";
            case "additionalProperties" -> "'" + error.getProperty() + "' is not a known setting of this node type.";
            default -> subject(error) + error.getMessage() + (error.getMessage().endsWith(".") ? "" : ".");
        };
    }
}
