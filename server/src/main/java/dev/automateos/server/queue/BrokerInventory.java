package dev.automateos.server.queue;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * A work queue outside the database, which can lose what it holds (Redis restarted empty) while
 * the database keeps the truth. The reconciler asks it which unfinished executions still have
 * work queued, and queues the others again.
 */
public interface BrokerInventory {

    /**
     * The executions among {@code executionIds} that have at least one item in the queue: ready,
     * delayed or leased.
     */
    Set<UUID> withItems(Collection<UUID> executionIds);
}
