package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionJson;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.engine.execution.Step;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The same as {@link #redact} for a state whose steps in {@code clean} (by identity) are already
     * fit to store: only the other steps are looked at, which is what a transition changed. The
     * steps of the answer are added to {@code clean}. The trigger payload is redacted at launch.
     */
    ExecutionState redactChanged(ExecutionState state, Set<Step> clean) {
        List<Step> steps = new ArrayList<>(state.steps().size());
        boolean changed = false;
        for (Step step : state.steps()) {
            Step fit = clean.contains(step) ? step : redactStep(step);
            clean.add(fit);
            changed |= fit != step;
            steps.add(fit);
        }
        return !changed ? state : new ExecutionState(state.id(), state.workflowId(), state.workflowVersion(),
                state.status(), state.triggerPayload(), steps, state.ready(), state.resultStepId(), state.error(),
                state.createdAt(), state.startedAt(), state.finishedAt(), state.deadline(), state.rerunOf());
    }

    private Step redactStep(Step s) {
        JsonNode input = fit(s.input());
        JsonNode output = fit(s.output());
        return input == s.input() && output == s.output() ? s : new Step(s.id(), s.nodeId(), s.parentStepId(),
                s.status(), s.attempt(), input, output, s.outputName(), s.error(), s.log(), s.startedAt(),
                s.finishedAt(), s.nextAttemptAt(), s.resumeAt());
    }

    /** The value itself when nothing needs hiding or cutting (the usual case), else a fixed copy. */
    private JsonNode fit(JsonNode value) {
        if (value == null || value.isNull() || value.isNumber() || value.isBoolean()) {
            return value;
        }
        JsonNode redacted = value;
        if (hasSecretHeader(value)) {
            redacted = value.deepCopy();
            redactHeaders(redacted);
        }
        ObjectNode holder = JsonNodeFactory.instance.objectNode().set("v", redacted);
        truncate(holder, "v");
        return holder.get("v");
    }

    private static boolean hasSecretHeader(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                JsonNode child = object.get(name);
                if (name.equalsIgnoreCase("headers") && child instanceof ObjectNode headers && headers.propertyNames()
                        .stream().anyMatch(h -> SECRET_HEADERS.contains(h.toLowerCase(Locale.ROOT)))) {
                    return true;
                }
                if (hasSecretHeader(child)) {
                    return true;
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode element : node.values()) {
                if (hasSecretHeader(element)) {
                    return true;
                }
            }
        }
        return false;
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
