package dev.automateos.engine.queue;

import java.time.Instant;

/**
 * An item a worker holds a lease on.
 *
 * @param item           the item as enqueued (its {@code availableAt} is the time it became
 *                       available last)
 * @param workerId       the lease holder
 * @param leaseExpiresAt when the lease ends unless a heartbeat extends it
 * @param deliveries     how many times the item has been claimed, this claim included: 1 on
 *                       the first delivery, more after a lease expired or the item was released
 */
public record ClaimedItem(WorkItem item, String workerId, Instant leaseExpiresAt, int deliveries) {

    /** Whether an earlier claim of this item did not end in an ack. */
    public boolean redelivered() {
        return deliveries > 1;
    }
}
