package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionPlan;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.execution.Step;
import dev.automateos.engine.execution.StepStatus;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.server.events.EventBus;
import dev.automateos.server.events.EventBus.Topic;
import dev.automateos.server.events.ExecutionEventPublisher;
import dev.automateos.server.events.LiveEvent;
import dev.automateos.server.web.ApiException;
import java.time.Duration;
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
 * {@link ExecutionOutcomes}: the worker calls {@link #finished} after it has committed a final
 * state. A future registered before the check is completed by whichever comes first, so no finish
 * slips between "not finished yet" and "registered". When the run may finish in another process
 * (the event bus reaches other processes: queue mode), a watcher on a virtual thread also listens
 * for its {@code execution_finished} event and reads the stored outcome, and looks at the store
 * every {@value #RECHECK_MILLIS} ms in case the event was lost; it ends with the future (a caller
 * that stops waiting should cancel it).
 */
@Component
class ExecutionNotifier implements ExecutionOutcomes {

    static final String RESPOND_TYPE = "webhook.respond";
    static final long RECHECK_MILLIS = 1_000;
    private static final Duration MAX_WATCH = Duration.ofHours(1);
    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled");

    private final ExecutionStore store;
    private final ExecutionPlans plans;
    private final ExecutionEventPublisher events;
    private final EventBus bus;
    private final CompletionRate completions;
    private final Map<UUID, List<CompletableFuture<ExecutionOutcome>>> waiting = new ConcurrentHashMap<>();

    ExecutionNotifier(ExecutionStore store, ExecutionPlans plans, ExecutionEventPublisher events, EventBus bus,
                      CompletionRate completions) {
        this.store = store;
        this.plans = plans;
        this.events = events;
        this.bus = bus;
        this.completions = completions;
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
        // Subscribed before the check, so a finish in another process cannot slip in between.
        EventBus.Subscription remote = bus.reachesOtherProcesses() ? bus.subscribe(Topic.execution(executionId)) : null;
        checkStore(executionId, future);
        if (remote != null) {
            if (future.isDone()) {
                remote.close();
            } else {
                Thread.ofVirtual().name("outcome-" + executionId).start(() -> watch(executionId, future, remote));
            }
        }
        return future;
    }

    /** Completes the future when the stored execution is final (or gone). The summary row is enough to tell. */
    private void checkStore(UUID executionId, CompletableFuture<ExecutionOutcome> future) {
        var summary = store.summary(executionId);
        if (summary.isEmpty()) {
            future.completeExceptionally(ApiException.notFound("The execution"));
        } else if (TERMINAL.contains(summary.get().status())) {
            store.find(executionId).ifPresentOrElse(e -> future.complete(outcome(e)),
                    () -> future.completeExceptionally(ApiException.notFound("The execution")));
        }
    }

    private void watch(UUID executionId, CompletableFuture<ExecutionOutcome> future, EventBus.Subscription events) {
        long giveUpAt = System.nanoTime() + MAX_WATCH.toNanos();
        try (events) {
            while (!future.isDone() && System.nanoTime() < giveUpAt) {
                LiveEvent event = events.next(Duration.ofMillis(RECHECK_MILLIS));
                if (event == null || event instanceof LiveEvent.ExecutionFinished
                        || event instanceof LiveEvent.Overflow) {
                    checkStore(executionId, future);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The database is unreachable, say: the caller's own timeout answers it.
        }
    }

    /** The execution's end was committed in this process. */
    void finished(ExecutionRecord execution) {
        completions.record();
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
