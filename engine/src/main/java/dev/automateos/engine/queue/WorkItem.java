package dev.automateos.engine.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One unit of work: "advance execution {@code executionId}". It only points at state the Store
 * has already committed; the queue never holds the truth about an execution.
 *
 * @param id             the item's identity; enqueueing the same id twice keeps the first
 * @param executionId    the execution to advance
 * @param workflowId     the workflow the execution belongs to, for the concurrency limit
 * @param lane           the priority lane
 * @param availableAt    the earliest time a worker may claim it (now, or later for retries
 *                       and wait timers)
 * @param maxConcurrency how many items of this workflow may be leased at once for this item to
 *                       be claimable; {@code 0} means no limit
 * @param payload        a small hint for the worker (a kind string or a little JSON), at most
 *                       {@value #MAX_PAYLOAD} characters; never secrets, never the execution's data
 */
public record WorkItem(UUID id, UUID executionId, UUID workflowId, Lane lane, Instant availableAt,
                       int maxConcurrency, String payload) {

    public static final int MAX_PAYLOAD = 4000;

    public WorkItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(availableAt, "availableAt");
        Objects.requireNonNull(payload, "payload");
        if (maxConcurrency < 0) {
            throw new IllegalArgumentException("maxConcurrency must be 0 (no limit) or more, not " + maxConcurrency);
        }
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload must be at most " + MAX_PAYLOAD + " characters");
        }
    }

    /** The same item with another availability time (stores keep their own precision). */
    public WorkItem withAvailableAt(Instant time) {
        return new WorkItem(id, executionId, workflowId, lane, time, maxConcurrency, payload);
    }
}
