package dev.automateos.server.execution;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Lets a caller wait, in-process, for an execution to finish. */
public interface ExecutionOutcomes {

    /**
     * Completes when the execution reaches a final status (succeeded, failed, cancelled),
     * immediately if it already has. Callers apply their own timeout. Completes exceptionally with
     * an ApiException not_found when no such execution exists.
     */
    CompletableFuture<ExecutionOutcome> whenFinished(UUID executionId);
}
