package dev.automateos.server.execution;

/**
 * Starts executions. The only way other features (manual runs, webhooks, schedules) create one.
 */
public interface ExecutionLauncher {

    /**
     * In ONE transaction: stores a queued execution (state JSON from the engine) pinned to the
     * workflow version, and enqueues it on the WorkQueue. Never enqueues before the commit. With an
     * idempotency key already used for this workflow, stores nothing and returns the earlier
     * execution (duplicate=true).
     *
     * @throws dev.automateos.server.web.ApiException not_found when the workflow or version does
     *     not exist
     */
    LaunchedExecution launch(LaunchRequest request);
}
