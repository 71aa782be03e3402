package dev.automateos.engine.workflow;

import static dev.automateos.engine.workflow.ValidationCodes.INVALID_VALUE;
import static dev.automateos.engine.workflow.ValidationCodes.MISSING_FIELD;
import static dev.automateos.engine.workflow.ValidationCodes.TOO_LONG;
import static dev.automateos.engine.workflow.ValidationCodes.UNKNOWN_FIELD;
import static dev.automateos.engine.workflow.ValidationCodes.WRONG_TYPE;

import dev.automateos.engine.json.JsonPointers;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object of a workflow document, reporting structural problems
 * instead of throwing. A getter returns {@code null} when the field is absent or unusable, after
 * reporting why. JSON {@code null} in an optional field counts as absent.
 */
final class ObjectReader {

    private final JsonNode object;
    private final String pointer;
    private final Problems problems;

    ObjectReader(JsonNode object, String pointer, Problems problems) {
        this.object = object;
        this.pointer = pointer;
        this.problems = problems;
    }

    String pointer(String key) {
        return JsonPointers.append(pointer, key);
    }

    /** Reports every key not in {@code allowed}. */
    void allowOnly(Set<String> allowed, String where) {
        for (String key : object.propertyNames()) {
            if (!allowed.contains(key)) {
                problems.add(pointer(key), UNKNOWN_FIELD, "'" + key + "' is not a field of " + where + ". Allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
    }

    JsonNode present(String key, boolean required) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(pointer(key), MISSING_FIELD, "'" + key + "' is required.");
            }
            return null;
        }
        return value;
    }

    String string(String key, boolean required) {
        JsonNode value = present(key, required);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            problems.add(pointer(key), WRONG_TYPE, "'" + key + "' must be a string.");
            return null;
        }
        return value.stringValue();
    }

    /** A string that must not be blank, must not start or end with spaces, and has at most {@code max} characters. */
    String text(String key, boolean required, int max) {
        String value = string(key, required);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            problems.add(pointer(key), INVALID_VALUE, "'" + key + "' must not be blank.");
            return null;
        }
        if (!value.strip().equals(value)) {
            problems.add(pointer(key), INVALID_VALUE, "'" + key + "' must not start or end with spaces.");
        }
        if (value.length() > max) {
            problems.add(pointer(key), TOO_LONG, "'" + key + "' has " + value.length()
                    + " characters; at most " + max + " are allowed.");
        }
        return value;
    }

    /** A whole number in [min, max]. */
    Integer integer(String key, boolean required, long min, long max) {
        JsonNode value = present(key, required);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            problems.add(pointer(key), WRONG_TYPE, "'" + key + "' must be a whole number.");
            return null;
        }
        long number = value.longValue();
        if (number < min || number > max) {
            problems.add(pointer(key), INVALID_VALUE, "'" + key + "' must be between " + min + " and " + max
                    + ", got " + number + ".");
            return null;
        }
        return (int) number;
    }

    JsonNode objectField(String key, boolean required) {
        JsonNode value = present(key, required);
        if (value != null && !value.isObject()) {
            problems.add(pointer(key), WRONG_TYPE, "'" + key + "' must be an object.");
            return null;
        }
        return value;
    }

    JsonNode arrayField(String key, boolean required) {
        JsonNode value = present(key, required);
        if (value != null && !value.isArray()) {
            problems.add(pointer(key), WRONG_TYPE, "'" + key + "' must be an array.");
            return null;
        }
        return value;
    }
}
