package dev.automateos.server.queue.redis;

import dev.automateos.engine.queue.WorkItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The queue writes of one database transaction, held back until it commits: Redis is not part of
 * the transaction, and a message must never point at a row that may still roll back. After the
 * commit they go out in call order, consecutive enqueues in one script call; after a rollback they
 * are dropped. A write that fails then (Redis down) is logged and left to the reconciler, never
 * thrown: the commit already happened, and an exception here would make the caller think otherwise.
 */
final class PendingWrites implements TransactionSynchronization {

    private sealed interface Write {
    }

    private record Enqueue(WorkItem item) implements Write {
    }

    private record Ack(String workerId, UUID itemId) implements Write {
    }

    private record Release(String workerId, UUID itemId, Instant availableAt) implements Write {
    }

    private final RedisWorkQueue queue;
    private final List<Write> writes = new ArrayList<>();

    private PendingWrites(RedisWorkQueue queue) {
        this.queue = queue;
    }

    /** Whether the caller runs in a Spring-managed transaction, so writes must wait for its commit. */
    static boolean deferring() {
        return TransactionSynchronizationManager.isSynchronizationActive();
    }

    static void enqueue(RedisWorkQueue queue, WorkItem item) {
        of(queue).writes.add(new Enqueue(item));
    }

    static void ack(RedisWorkQueue queue, String workerId, UUID itemId) {
        of(queue).writes.add(new Ack(workerId, itemId));
    }

    static void release(RedisWorkQueue queue, String workerId, UUID itemId, Instant availableAt) {
        of(queue).writes.add(new Release(workerId, itemId, availableAt));
    }

    /**
     * This transaction's writes for {@code queue}. Looked up among the transaction's own
     * synchronizations, not bound as a resource: a transaction suspended for an inner one keeps its
     * synchronizations apart, so each commit carries out its own writes.
     */
    private static PendingWrites of(RedisWorkQueue queue) {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingWrites pending && pending.queue == queue) {
                return pending;
            }
        }
        PendingWrites pending = new PendingWrites(queue);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    @Override
    public void afterCommit() {
        int lost = 0;
        RuntimeException first = null;
        for (int i = 0; i < writes.size(); ) {
            int end = i;
            while (end < writes.size() && writes.get(end) instanceof Enqueue) {
                end++;
            }
            int count = Math.max(1, end - i);
            try {
                if (end > i) {
                    queue.enqueueNow(writes.subList(i, end).stream().map(w -> ((Enqueue) w).item()).toList());
                } else {
                    switch (writes.get(i)) {
                        case Ack a -> queue.ackNow(a.workerId(), a.itemId());
                        case Release r -> queue.releaseNow(r.workerId(), r.itemId(), r.availableAt());
                        case Enqueue e -> throw new IllegalStateException("grouped above");
                    }
                }
            } catch (RuntimeException e) {
                lost += count;
                first = first == null ? e : first;
            }
            i += count;
        }
        queue.afterCommitWrites(writes.size() - lost, lost, first);
    }
}
