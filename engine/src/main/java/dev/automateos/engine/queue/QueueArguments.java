package dev.automateos.engine.queue;

import java.time.Duration;
import java.util.Objects;

/** The argument checks every {@link WorkQueue} makes alike, so implementations fail the same way. */
public final class QueueArguments {

    public static final int MAX_CLAIM = 1000;
    public static final int MAX_WORKER_ID = 200;

    private QueueArguments() {
    }

    public static String workerId(String workerId) {
        Objects.requireNonNull(workerId, "workerId");
        if (workerId.isBlank() || workerId.length() > MAX_WORKER_ID) {
            throw new IllegalArgumentException("workerId must be 1 to " + MAX_WORKER_ID + " characters");
        }
        return workerId;
    }

    public static int max(int max) {
        if (max < 1 || max > MAX_CLAIM) {
            throw new IllegalArgumentException("max must be 1 to " + MAX_CLAIM + ", not " + max);
        }
        return max;
    }

    public static Duration lease(Duration lease) {
        Objects.requireNonNull(lease, "leaseDuration");
        if (lease.isNegative() || lease.isZero() || lease.compareTo(WorkQueue.MAX_LEASE) > 0) {
            throw new IllegalArgumentException("leaseDuration must be positive and at most " + WorkQueue.MAX_LEASE);
        }
        return lease;
    }
}
