package dev.automateos.server.events;

import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.execution.ExecutionStatus;
import dev.automateos.engine.execution.Step;
import dev.automateos.engine.execution.StepError;
import dev.automateos.engine.execution.StepStatus;
import dev.automateos.server.events.LiveEvent.ErrorInfo;
import dev.automateos.server.events.LiveEvent.ExecutionFinished;
import dev.automateos.server.events.LiveEvent.StepFinished;
import dev.automateos.server.events.LiveEvent.StepStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Derives live events from two committed states of one execution. Comparing states, rather than
 * hooking each engine command, keeps it right when the driver commits several steps at once (a
 * step may appear already finished: it then gets both its started and its finished event).
 */
final class StepEvents {

    private StepEvents() {
    }

    /** Events for going from {@code before} to {@code after}, step events first, in step order. */
    static List<LiveEvent> between(ExecutionState before, ExecutionState after, Function<String, String> nodeNames,
                                   Instant at) {
        Map<String, Step> old = before.steps().stream().collect(Collectors.toMap(Step::id, s -> s));
        List<LiveEvent> events = new ArrayList<>();
        for (Step step : after.steps()) {
            Step previous = old.get(step.id());
            int attemptsBefore = previous == null ? 0 : previous.attempt();
            // A waiting step (a Wait node) is still inside its attempt: its end comes when it resumes.
            boolean wasLive = previous != null
                    && (previous.status() == StepStatus.RUNNING || previous.status() == StepStatus.WAITING);
            String name = nodeNames.apply(step.nodeId());
            if (step.attempt() > attemptsBefore) {
                events.add(new StepStarted(after.id(), after.workflowId(), step.id(), step.nodeId(), name,
                        step.attempt(), at));
            }
            String ended = endedAs(step, previous, wasLive || step.attempt() > attemptsBefore);
            if (ended != null) {
                events.add(new StepFinished(after.id(), after.workflowId(), step.id(), step.nodeId(), name,
                        step.attempt(), ended, duration(step.startedAt(), step.finishedAt()),
                        error(step.status() == StepStatus.SUCCEEDED ? null : step.error()), at));
            }
        }
        if (after.status().isTerminal() && (before.status() != after.status())) {
            events.add(new ExecutionFinished(after.id(), after.workflowId(), status(after.status()),
                    duration(after.startedAt(), after.finishedAt()), error(after.error()), at));
        }
        return events;
    }

    /** How an attempt that was (or just became) running ended in {@code step}, or null if it has not. */
    private static String endedAs(Step step, Step previous, boolean attemptWasLive) {
        if (!attemptWasLive || (previous != null && previous.status() == step.status()
                && previous.attempt() == step.attempt())) {
            return null;
        }
        return switch (step.status()) {
            case SUCCEEDED, FILTERED, FAILED, CANCELLED, SKIPPED -> step.status().name().toLowerCase(Locale.ROOT);
            case PENDING -> "retrying";
            case RUNNING, WAITING -> null;
        };
    }

    static String status(ExecutionStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static ErrorInfo error(StepError error) {
        return error == null ? null : new ErrorInfo(error.code(), error.message());
    }

    static Long duration(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }
}
