package dev.automateos.server.execution;

import java.util.UUID;

/**
 * The execution a launch created, or the earlier one when the idempotency key was used.
 *
 * @param ended the outcome when the run already ended during the launch (a workflow of only
 *              side-effect-free steps, see {@code ExecutionDriver#runInMemory}); null otherwise
 */
public record LaunchedExecution(UUID executionId, boolean duplicate, ExecutionOutcome ended) {

    public LaunchedExecution(UUID executionId, boolean duplicate) {
        this(executionId, duplicate, null);
    }
}
