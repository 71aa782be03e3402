package dev.automateos.engine.execution;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * What the runner must do after a transition: the output of {@link ExecutionMachine#decide}. The
 * runner persists the new state first, then carries the commands out in order.
 */
public sealed interface ExecutionCommand {

    /**
     * Run one attempt of a step with {@link StepRunner} and feed its result back as an event.
     *
     * @param idempotencyKey execution id and step id ({@code <execution>:<step>}), the same on every
     *                       attempt and after a crash; nodes send it where remote APIs accept one
     * @param deadline       when the attempt must be given up (node {@code timeout_ms}, capped at the
     *                       execution deadline); null for none. The runner reports
     *                       {@link ExecutionEvent.StepFailed#timedOut} past it
     */
    record RunStep(String stepId, String nodeId, int attempt, JsonNode input, String idempotencyKey, Instant deadline)
            implements ExecutionCommand {}

    /**
     * Feed {@link ExecutionEvent.TimerFired} with this id back at (or after) {@code at}. Scheduling an
     * id again replaces the earlier timer; timers of a finished execution may be dropped.
     */
    record ScheduleTimer(String timerId, Instant at) implements ExecutionCommand {}

    /**
     * The execution reached a terminal status. {@code result} is the output of the last step that
     * succeeded (JSON null if none); {@code error} is null when it succeeded.
     */
    record CompleteExecution(ExecutionStatus status, JsonNode result, StepError error) implements ExecutionCommand {}
}
