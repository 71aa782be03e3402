package dev.automateos.engine.expression;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The conversions {@link Template#convert} allows, kept strict on purpose. */
final class TemplateValues {

    static final Set<Class<?>> SUPPORTED =
            Set.of(String.class, Boolean.class, Integer.class, Long.class, Double.class, JsonNode.class);

    private TemplateValues() {}

    static <T> T convert(JsonNode value, Class<T> type, String source) {
        if (type == JsonNode.class) {
            return type.cast(value);
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (type == String.class) {
            return type.cast(value.isString() ? value.stringValue() : value.toString());
        }
        if (value.isString()) {
            // A form field sends "true" or "42" as text; exact literals are unambiguous, anything else is not.
            return parseLiteral(value.stringValue(), type, source);
        }
        if (type == Boolean.class && value.isBoolean()) {
            return type.cast(value.booleanValue());
        }
        if (type == Integer.class && value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToInt()) {
            return type.cast(value.intValue());
        }
        if (type == Long.class && value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()) {
            return type.cast(value.longValue());
        }
        if (type == Double.class && value.isNumber()) {
            return type.cast(value.doubleValue());
        }
        throw new ExpressionException("'" + source + "' must give " + describe(type) + ", but gave " + value + ".");
    }

    private static <T> T parseLiteral(String text, Class<T> type, String source) {
        try {
            if (type == Boolean.class && (text.equals("true") || text.equals("false"))) {
                return type.cast(Boolean.valueOf(text));
            }
            if (type == Integer.class) {
                return type.cast(Integer.valueOf(text.strip()));
            }
            if (type == Long.class) {
                return type.cast(Long.valueOf(text.strip()));
            }
            if (type == Double.class) {
                return type.cast(Double.valueOf(text.strip()));
            }
        } catch (NumberFormatException e) {
            // Falls through to the common message.
        }
        throw new ExpressionException("'" + source + "' must give " + describe(type) + ", but gave \"" + text + "\".");
    }

    private static String describe(Class<?> type) {
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        return type == Double.class ? "a number" : type.getSimpleName();
    }
}
