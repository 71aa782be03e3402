package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionJson;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.server.config.AutomateOsProperties;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a state fit to store: values of secret-bearing headers (in any {@code headers} object of
 * the trigger payload, step inputs and outputs) become {@value #REDACTED}, and step inputs and
 * outputs larger than {@code automateos.engine.max-step-output} become a truncation marker.
 *
 * <p>It runs on every save, and the stored state is what later steps read, so later steps see the
 * redacted and truncated values too, before and after a restart alike (docs/executions-api.md).
 */
@Component
class HistoryRedactor {

    static final String REDACTED = "[redacted]";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key");
    private static final int PREVIEW = 1_000;

    private final long maxStepOutput;

    HistoryRedactor(AutomateOsProperties properties) {
        this.maxStepOutput = properties.engine().maxStepOutput().toBytes();
    }

    ExecutionState redact(ExecutionState state) {
        ObjectNode tree = (ObjectNode) ExecutionJson.toTree(state);
        redactHeaders(tree);
        for (JsonNode step : tree.path("steps").values()) {
            truncate((ObjectNode) step, "input");
            truncate((ObjectNode) step, "output");
        }
        return ExecutionJson.fromTree(tree);
    }

    /** For a trigger payload before it is stored. */
    JsonNode redactPayload(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        JsonNode copy = payload.deepCopy();
        redactHeaders(copy);
        return copy;
    }

    private static void redactHeaders(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                JsonNode child = object.get(name);
                if (name.equalsIgnoreCase("headers") && child instanceof ObjectNode headers) {
                    for (String header : headers.propertyNames()) {
                        if (SECRET_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
                            headers.put(header, REDACTED);
                        }
                    }
                }
                redactHeaders(child);
            }
        } else if (node != null && node.isArray()) {
            node.values().forEach(HistoryRedactor::redactHeaders);
        }
    }

    private void truncate(ObjectNode step, String field) {
        JsonNode value = step.get(field);
        if (value == null || value.isNull() || value.isNumber() || value.isBoolean()) {
            return;
        }
        String text = EngineJson.mapper().writeValueAsString(value);
        if (text.length() <= maxStepOutput) {
            return;
        }
        step.set(field, JsonNodeFactory.instance.objectNode().put("_truncated", true).put("size", text.length())
                .put("preview", text.substring(0, PREVIEW)));
    }
}
