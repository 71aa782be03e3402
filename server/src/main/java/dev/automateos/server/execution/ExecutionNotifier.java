package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionPlan;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.execution.Step;
import dev.automateos.engine.execution.StepStatus;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.server.events.ExecutionEventPublisher;
import dev.automateos.server.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@link ExecutionOutcomes} inside one process: the worker calls {@link #finished} after it has
 * committed a final state. A future registered before the check is completed by whichever comes
 * first, so no finish slips between "not finished yet" and "registered".
 */
@Component
class ExecutionNotifier implements ExecutionOutcomes {

    static final String RESPOND_TYPE = "webhook.respond";
    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled");

    private final ExecutionStore store;
    private final ExecutionPlans plans;
    private final ExecutionEventPublisher events;
    private final Map<UUID, List<CompletableFuture<ExecutionOutcome>>> waiting = new ConcurrentHashMap<>();

    ExecutionNotifier(ExecutionStore store, ExecutionPlans plans, ExecutionEventPublisher events) {
        this.store = store;
        this.plans = plans;
        this.events = events;
    }

    /** The driver committed {@code after} over {@code before}: tell live-event subscribers. */
    void committed(ExecutionRecord before, ExecutionRecord after) {
        if (before != after) {
            events.committed(before.state(), after.state(), plans.machine(after).plan());
        }
    }

    @Override
    public CompletableFuture<ExecutionOutcome> whenFinished(UUID executionId) {
        var future = new CompletableFuture<ExecutionOutcome>();
        waiting.computeIfAbsent(executionId, id -> new CopyOnWriteArrayList<>()).add(future);
        future.whenComplete((outcome, error) -> forget(executionId, future));
        // The summary row is enough to tell; the whole state is read only for a run already finished.
        var summary = store.summary(executionId);
        if (summary.isEmpty()) {
            future.completeExceptionally(ApiException.notFound("The execution"));
        } else if (TERMINAL.contains(summary.get().status())) {
            store.find(executionId).ifPresentOrElse(e -> future.complete(outcome(e)),
                    () -> future.completeExceptionally(ApiException.notFound("The execution")));
        }
        return future;
    }

    void finished(ExecutionRecord execution) {
        var futures = waiting.remove(execution.id());
        if (futures != null && !futures.isEmpty()) {
            ExecutionOutcome outcome = outcome(execution);
            futures.forEach(f -> f.complete(outcome));
        }
    }

    ExecutionOutcome outcome(ExecutionRecord execution) {
        ExecutionState state = execution.state();
        String status = JdbcExecutionStore.status(state);
        return new ExecutionOutcome(state.id(), status, state.result(), reply(execution),
                state.error() == null ? null : state.error().code(),
                state.error() == null ? null : state.error().message());
    }

    /** The output of the last successful webhook.respond step, if one ran. */
    private WebhookReply reply(ExecutionRecord execution) {
        ExecutionPlan plan;
        try {
            plan = plans.machine(execution).plan();
        } catch (RuntimeException e) {
            return null;
        }
        WebhookReply reply = null;
        for (Step step : execution.state().steps()) {
            boolean respond = plan.node(step.nodeId()).map(n -> RESPOND_TYPE.equals(n.type())).orElse(false);
            if (respond && step.status() == StepStatus.SUCCEEDED && step.output().isObject()) {
                reply = toReply(step.output());
            }
        }
        return reply;
    }

    private static WebhookReply toReply(JsonNode output) {
        Map<String, String> headers = new LinkedHashMap<>();
        output.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        JsonNode body = output.get("body");
        return new WebhookReply(output.path("status").asInt(200), java.util.Collections.unmodifiableMap(headers),
                body == null ? EngineJson.mapper().nullNode() : body);
    }

    private void forget(UUID executionId, CompletableFuture<ExecutionOutcome> future) {
        waiting.computeIfPresent(executionId, (id, list) -> {
            list.remove(future);
            return list.isEmpty() ? null : list;
        });
    }
}
