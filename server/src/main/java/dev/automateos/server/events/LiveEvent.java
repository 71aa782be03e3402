package dev.automateos.server.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What the live event stream carries: small notices about an execution's progress. They name the
 * step and node but never carry step inputs or outputs (those may be large and secret-adjacent);
 * a client that wants them fetches {@code GET /api/v1/executions/{id}}.
 */
public sealed interface LiveEvent {

    /** The SSE {@code event:} name and the {@code type} clients switch on. */
    String type();

    /** Null only for {@link Overflow}, which belongs to one subscription, not to an execution. */
    UUID executionId();

    UUID workflowId();

    /** An error as events show it. */
    record ErrorInfo(String code, String message) {
    }

    /** An attempt of a step began (a retry is a new attempt, so a new event). */
    record StepStarted(UUID executionId, UUID workflowId, String stepId, String nodeId, String nodeName,
                       int attempt, Instant at) implements LiveEvent {
        @Override
        public String type() {
            return "step_started";
        }
    }

    /**
     * An attempt of a step ended.
     *
     * @param status     succeeded | filtered | failed | cancelled, or retrying when another attempt follows
     * @param durationMs since the step's first attempt started; null when it never started
     */
    record StepFinished(UUID executionId, UUID workflowId, String stepId, String nodeId, String nodeName,
                        int attempt, String status, Long durationMs, ErrorInfo error, Instant at)
            implements LiveEvent {
        @Override
        public String type() {
            return "step_finished";
        }
    }

    /** The execution reached succeeded, failed or cancelled; nothing follows for it. */
    record ExecutionFinished(UUID executionId, UUID workflowId, String status, Long durationMs, ErrorInfo error,
                             Instant at) implements LiveEvent {
        @Override
        public String type() {
            return "execution_finished";
        }
    }

    /**
     * A workflow's schedule was created, changed or removed (committed): schedulers in every process
     * re-read its row. Only {@link EventBus.Topic#schedules()} subscriptions receive it; it is no
     * execution's event, so live-event streams never see it.
     */
    record ScheduleChanged(UUID workflowId, Instant at) implements LiveEvent {
        @Override
        public String type() {
            return "schedule_changed";
        }

        @Override
        public UUID executionId() {
            return null;
        }
    }

    /** The subscriber fell too far behind and was dropped; this is its last event. */
    record Overflow(String message) implements LiveEvent {
        @Override
        public String type() {
            return "overflow";
        }

        @Override
        public UUID executionId() {
            return null;
        }

        @Override
        public UUID workflowId() {
            return null;
        }
    }
}
