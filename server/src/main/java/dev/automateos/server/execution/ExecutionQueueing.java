package dev.automateos.server.execution;

import dev.automateos.engine.queue.ClaimedItem;
import dev.automateos.engine.queue.WorkItem;
import dev.automateos.engine.queue.WorkQueue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The queue items of executions. {@value #RUN} advances an execution (starts a queued one, resumes
 * any other); {@code timer:<id>} fires one engine timer. A timer's item id is derived from
 * (execution, timer id), so scheduling the same timer twice queues it once. {@code recover:<revision>}
 * advances an execution that a broker outside the database lost ({@link BrokerReconciler}).
 *
 * <p>With the Redis broker, the queue's writes inside a transaction take effect after its commit
 * and answer {@code true} ("will be done"); nothing here depends on the answer inside one.
 */
@Component
class ExecutionQueueing {

    static final String RUN = "run";
    static final String TIMER_PREFIX = "timer:";
    static final String RECOVER_PREFIX = "recover:";

    private final WorkQueue queue;
    private final ExecutionPlans plans;

    ExecutionQueueing(WorkQueue queue, ExecutionPlans plans) {
        this.queue = queue;
        this.plans = plans;
    }

    /** Call inside the transaction that stored the execution. */
    void enqueueRun(ExecutionRecord execution, Instant at) {
        queue.enqueue(item(execution, UUID.randomUUID(), at, RUN));
    }

    /** Call inside the transaction that stored the state which scheduled the timer. */
    void enqueueTimer(ExecutionRecord execution, String timerId, Instant at) {
        UUID id = UUID.nameUUIDFromBytes((execution.id() + "/" + timerId).getBytes(StandardCharsets.UTF_8));
        queue.enqueue(item(execution, id, at, TIMER_PREFIX + timerId));
    }

    /**
     * Queues a run item for an execution the broker lost, keyed by (execution, revision): reconcilers
     * in several processes queue it once, and the driver drops it if the execution moved on since.
     */
    void enqueueRecovery(ExecutionRecord execution, Instant at) {
        UUID id = UUID.nameUUIDFromBytes((execution.id() + "/recover/" + execution.revision())
                .getBytes(StandardCharsets.UTF_8));
        queue.enqueue(item(execution, id, at, RECOVER_PREFIX + execution.revision()));
    }

    /** A recovery item whose execution was saved since it was queued: whoever saved it holds its work. */
    static boolean staleRecovery(ClaimedItem claimed, ExecutionRecord execution) {
        String payload = claimed.item().payload();
        return payload.startsWith(RECOVER_PREFIX)
                && !payload.equals(RECOVER_PREFIX + execution.revision());
    }

    /** Acks a claimed item; call inside the transaction that saved its last state, or alone. */
    boolean ack(ClaimedItem claimed) {
        return queue.ack(claimed.workerId(), claimed.item().id());
    }

    private WorkItem item(ExecutionRecord execution, UUID id, Instant at, String payload) {
        var placement = plans.placement(execution);
        return new WorkItem(id, execution.id(), execution.state().workflowId(), placement.lane(), at,
                placement.maxConcurrency(), payload);
    }
}
