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

    /** Converts an evaluation result; throws when it is not JSON (a function, for example). */
    static JsonNode toJson(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(v -> array.add(toJson(v)));
            return array;
        }
        if (value instanceof String s) {
            return NODES.stringNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return number(n);
        }
        throw new ExpressionException("The expression evaluated to a function or another value that is not JSON.");
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
