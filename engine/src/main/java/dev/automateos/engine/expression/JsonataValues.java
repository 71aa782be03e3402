package dev.automateos.engine.expression;

import com.dashjoin.jsonata.Jsonata;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Converts between Jackson trees and the plain Java values the JSONata evaluator works on. */
final class JsonataValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonataValues() {}

    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Jsonata.NULL_VALUE;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.values().forEach(v -> list.add(toJava(v)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.longValue() : node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asString();
    }

    /**
     * Converts an evaluation result; throws when it is not JSON (a function, for example) or when its
     * JSON text would be longer than {@code maxChars} (counted as it is built, so a huge result is
     * refused before it is complete).
     */
    static JsonNode toJson(Object value, int maxChars) {
        return toJson(value, new int[] {maxChars}, maxChars);
    }

    private static JsonNode toJson(Object value, int[] budget, int maxChars) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return spend(budget, 4, maxChars, NODES.nullNode());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            spend(budget, 2, maxChars, object);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                spend(budget, key.length() + 4, maxChars, object);
                object.set(key, toJson(e.getValue(), budget, maxChars));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(Math.min(list.size(), 1024));
            spend(budget, 2, maxChars, array);
            for (Object item : list) {
                spend(budget, 1, maxChars, array);
                array.add(toJson(item, budget, maxChars));
            }
            return array;
        }
        if (value instanceof String s) {
            return spend(budget, s.length() + 2, maxChars, NODES.stringNode(s));
        }
        if (value instanceof Boolean b) {
            return spend(budget, 5, maxChars, NODES.booleanNode(b));
        }
        if (value instanceof Number n) {
            return spend(budget, 24, maxChars, number(n));
        }
        throw new ExpressionException("it gave a function or another value that is not JSON.");
    }

    private static JsonNode spend(int[] budget, int chars, int maxChars, JsonNode node) {
        budget[0] -= chars;
        if (budget[0] < 0) {
            throw new ExpressionException("its result is larger than " + maxChars
                    + " characters of JSON, the limit for one expression.");
        }
        return node;
    }

    private static JsonNode number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return NODES.numberNode(n.longValue());
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ExpressionException("The expression evaluated to a number JSON cannot hold (" + d + ").");
        }
        // Whole numbers computed with doubles (1.5 * 2) read as integers, as they do in JavaScript.
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return NODES.numberNode((long) d);
        }
        return NODES.numberNode(BigDecimal.valueOf(d));
    }
}
