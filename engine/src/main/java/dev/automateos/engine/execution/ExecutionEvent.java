package dev.automateos.engine.execution;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * What happened to an execution: the input of {@link ExecutionMachine#decide}. A runner produces
 * them (the step runner's results, fired timers, a user's cancel) and feeds them back one at a
 * time. Events that no longer apply (a duplicate result, a stale timer, anything after the end) are
 * ignored, so redelivery is safe.
 */
public sealed interface ExecutionEvent {

    /** A worker picked up a queued execution (or a queued re-run). */
    record ExecutionStarted() implements ExecutionEvent {}

    /**
     * A worker took over a non-terminal execution after a crash or a restart. Changes nothing, but
     * re-issues every command still in flight: {@code RunStep} for running steps (same attempt, same
     * idempotency key) and {@code ScheduleTimer} for every pending timer.
     */
    record ExecutionResumed() implements ExecutionEvent {}

    /**
     * A step finished.
     *
     * @param outputName the output it leaves by; must be one of the node type's outputs
     * @param filtered   true ends the branch here, successfully (status filtered)
     */
    record StepSucceeded(String stepId, int attempt, JsonNode output, String outputName, boolean filtered,
                         List<String> log) implements ExecutionEvent {
        public StepSucceeded {
            output = output == null ? NullNode.getInstance() : output;
            log = log == null ? List.of() : List.copyOf(log);
        }
    }

    /** A step's attempt failed; {@code retryable} failures are retried while the node's retry policy allows. */
    record StepFailed(String stepId, int attempt, String code, String message, boolean retryable, List<String> log)
            implements ExecutionEvent {
        public StepFailed {
            log = log == null ? List.of() : List.copyOf(log);
        }

        /** The runner's verdict when an attempt outlived its {@code RunStep.deadline}. */
        public static StepFailed timedOut(String stepId, int attempt) {
            return new StepFailed(stepId, attempt, "step_timeout", "The step ran past its timeout.", true, List.of());
        }
    }

    /**
     * A step asked to wait (the Wait node): it holds its output and resumes at {@code resumeAt}, or
     * earlier on {@link WaitFinished}. A time not after now resumes at once.
     */
    record StepSuspended(String stepId, int attempt, JsonNode output, String outputName, Instant resumeAt,
                         List<String> log) implements ExecutionEvent {
        public StepSuspended {
            output = output == null ? NullNode.getInstance() : output;
            log = log == null ? List.of() : List.copyOf(log);
        }
    }

    /** A timer from {@link ExecutionCommand.ScheduleTimer} is due. */
    record TimerFired(String timerId) implements ExecutionEvent {}

    /**
     * Something outside (an approval, later) ends a step's wait early.
     *
     * @param output the step's output from now on; null keeps the output it suspended with
     */
    record WaitFinished(String stepId, JsonNode output) implements ExecutionEvent {}

    /** A person or a program cancels the execution; works while queued, running or waiting. */
    record CancelRequested(String reason) implements ExecutionEvent {}

    /** The execution passed its deadline (for runners that sweep deadlines instead of using the timer). */
    record ExecutionTimedOut() implements ExecutionEvent {}
}
