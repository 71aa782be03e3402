package dev.automateos.server.execution;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A cheap upper bound on a JSON value's serialized length, so the history's size rule can skip
 * serializing the (usual) small values just to measure them. Each character of a string or name
 * counts as six, the longest escape ({@code \u0000}), and each number as 32; the walk stops as
 * soon as the bound passes the limit, so a large value costs no more than a small one.
 */
final class JsonSizeBound {

    private static final int ESCAPED_CHAR = 6;
    private static final int NUMBER = 32;

    private JsonSizeBound() {
    }

    /** True when {@code value} surely serializes to at most {@code limit} characters; false means "maybe not". */
    static boolean atMost(JsonNode value, long limit) {
        return bound(value, limit) <= limit;
    }

    /** The bound, or anything above {@code budget} once it is passed. */
    private static long bound(JsonNode value, long budget) {
        if (value.isString()) {
            return 2 + (long) ESCAPED_CHAR * value.stringValue().length();
        }
        if (value.isNumber()) {
            return NUMBER;
        }
        long total = 2;
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> property : value.properties()) {
                total += 4 + (long) ESCAPED_CHAR * property.getKey().length() + bound(property.getValue(), budget - total);
                if (total > budget) {
                    return total;
                }
            }
            return total;
        }
        if (value.isArray()) {
            for (JsonNode element : value.values()) {
                total += 1 + bound(element, budget - total);
                if (total > budget) {
                    return total;
                }
            }
            return total;
        }
        if (value.isBinary()) {
            return 2 + 2L * value.binaryValue().length; // base64: 4 characters per 3 bytes
        }
        return 5; // true, false, null
    }
}
