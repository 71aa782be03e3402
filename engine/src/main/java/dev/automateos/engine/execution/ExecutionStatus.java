package dev.automateos.engine.execution;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an execution is in its life. Stored as the lower-case name; never rename a constant. */
public enum ExecutionStatus {
    /** Accepted and persisted, not yet picked up by a worker. */
    @JsonProperty("queued") QUEUED,
    /** A step is running or about to run. */
    @JsonProperty("running") RUNNING,
    /** Nothing runs now: the run waits for a timer (a Wait node, a retry back-off) or an outside event. */
    @JsonProperty("waiting") WAITING,
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED;

    /** True for succeeded, failed and cancelled: the state machine ignores every later event. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
