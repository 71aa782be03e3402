package dev.automateos.engine.execution;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where one step (one run of one node) is. Stored as the lower-case name; never rename a constant. */
public enum StepStatus {
    /** Activated with its input; runs when its turn comes, or after {@code next_attempt_at} for a retry. */
    @JsonProperty("pending") PENDING,
    /** A {@code RunStep} was issued and no result has come back yet. */
    @JsonProperty("running") RUNNING,
    /** Finished; its output was passed on through {@code output_name}. */
    @JsonProperty("succeeded") SUCCEEDED,
    /** Failed for good (retries exhausted or not retryable). */
    @JsonProperty("failed") FAILED,
    /** Finished and ended its branch successfully without passing anything on (a filter said no). */
    @JsonProperty("filtered") FILTERED,
    /** Activated but never run, because the execution failed, timed out or was cancelled first. */
    @JsonProperty("skipped") SKIPPED,
    /** Suspended (a Wait node) until {@code resume_at} or an outside event. */
    @JsonProperty("waiting") WAITING,
    /** Was running when the execution was cancelled or timed out; its late result is discarded. */
    @JsonProperty("cancelled") CANCELLED;

    /** Succeeded or filtered: the step has an output that {@code $nodes} can show. */
    public boolean hasFinalOutput() {
        return this == SUCCEEDED || this == FILTERED;
    }
}
