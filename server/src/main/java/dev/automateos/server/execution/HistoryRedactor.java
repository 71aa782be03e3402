package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionJson;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.execution.Step;
import dev.automateos.server.config.AutomateOsProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a state fit to store. Two rules, applied at different times:
 * <ul>
 *   <li><b>Secrets, on every save:</b> inside any {@code headers} object of the trigger payload,
 *       step inputs and step outputs, the values of secret-bearing headers become
 *       {@value #REDACTED}. Later steps therefore never see them either.</li>
 *   <li><b>Size, when the run ends:</b> once the state is terminal, a step input or output larger
 *       than {@code automateos.engine.max-step-output} becomes a truncation marker. While the run
 *       is active the stored state keeps whole values, because later steps (and a resume after a
 *       crash) read them. The result step's output is kept whole: it is the run's answer (a webhook
 *       reply, the {@code result} of the API), already bounded by the node that made it.</li>
 * </ul>
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
        return truncateIfEnded(ExecutionJson.fromTree(tree));
    }

    /**
     * The same as {@link #redact} for a state whose steps in {@code clean} (by identity) already had
     * their secrets redacted: only the other steps are looked at, which is what a transition
     * changed, and of their values only those not in {@code cleanValues} (a step's input is usually
     * the output of the step before, looked at already). The answer's steps and values are added
     * to both sets. The trigger payload is redacted at launch.
     */
    ExecutionState redactChanged(ExecutionState state, Set<Step> clean, Set<JsonNode> cleanValues) {
        UnaryOperator<JsonNode> rule = value -> {
            if (value == null || cleanValues.contains(value)) {
                return value;
            }
            JsonNode fit = withoutSecrets(value);
            cleanValues.add(fit);
            return fit;
        };
        List<Step> steps = new ArrayList<>(state.steps().size());
        boolean changed = false;
        for (Step step : state.steps()) {
            Step fit = clean.contains(step) ? step : mapStep(step, rule, rule);
            clean.add(fit);
            changed |= fit != step;
            steps.add(fit);
        }
        return truncateIfEnded(changed ? withSteps(state, steps) : state);
    }

    /** The history form of an ended state: large step values cut, except the result (class comment). */
    private ExecutionState truncateIfEnded(ExecutionState state) {
        if (!state.status().isTerminal()) {
            return state;
        }
        List<Step> steps = new ArrayList<>(state.steps().size());
        boolean changed = false;
        for (Step step : state.steps()) {
            boolean result = step.id().equals(state.resultStepId());
            Step fit = mapStep(step, this::withinSize, result ? UnaryOperator.identity() : this::withinSize);
            changed |= fit != step;
            steps.add(fit);
        }
        return changed ? withSteps(state, steps) : state;
    }

    private static Step mapStep(Step s, UnaryOperator<JsonNode> inputRule, UnaryOperator<JsonNode> outputRule) {
        JsonNode input = inputRule.apply(s.input());
        JsonNode output = outputRule.apply(s.output());
        return input == s.input() && output == s.output() ? s : new Step(s.id(), s.nodeId(), s.parentStepId(),
                s.status(), s.attempt(), input, output, s.outputName(), s.error(), s.log(), s.startedAt(),
                s.finishedAt(), s.nextAttemptAt(), s.resumeAt());
    }

    private static ExecutionState withSteps(ExecutionState state, List<Step> steps) {
        return new ExecutionState(state.id(), state.workflowId(), state.workflowVersion(), state.status(),
                state.triggerPayload(), steps, state.ready(), state.resultStepId(), state.error(), state.createdAt(),
                state.startedAt(), state.finishedAt(), state.deadline(), state.rerunOf());
    }

    /** The value itself when no secret header is in it (the usual case), else a redacted copy. */
    private static JsonNode withoutSecrets(JsonNode value) {
        if (!hasSecretHeader(value)) {
            return value;
        }
        JsonNode redacted = value.deepCopy();
        redactHeaders(redacted);
        return redacted;
    }

    /** The value itself when it is small enough (the usual case), else a truncation marker. */
    private JsonNode withinSize(JsonNode value) {
        if (value == null || value.isNull() || value.isNumber() || value.isBoolean()
                || JsonSizeBound.atMost(value, maxStepOutput)) {
            return value;
        }
        String text = EngineJson.mapper().writeValueAsString(value);
        if (text.length() <= maxStepOutput) {
            return value;
        }
        return JsonNodeFactory.instance.objectNode().put("_truncated", true).put("size", text.length())
                .put("preview", text.substring(0, PREVIEW));
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
}
