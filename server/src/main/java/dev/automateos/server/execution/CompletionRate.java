package dev.automateos.server.execution;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.stereotype.Component;

/**
 * Executions that ended in this process during the last minute, in one-second buckets: what a
 * worker reports on its heartbeat, so the queue's status page shows throughput without a query.
 */
@Component
class CompletionRate {

    private static final int SECONDS = 60;

    private final Clock clock;
    private final AtomicLongArray counts = new AtomicLongArray(SECONDS);
    private final AtomicLongArray stamps = new AtomicLongArray(SECONDS);

    CompletionRate(Clock clock) {
        this.clock = clock;
    }

    void record() {
        long second = clock.millis() / 1_000;
        int slot = (int) (second % SECONDS);
        if (stamps.get(slot) != second) {
            // A new second reuses a bucket from a minute ago; a race here loses at most a count or two.
            stamps.set(slot, second);
            counts.set(slot, 0);
        }
        counts.incrementAndGet(slot);
    }

    /** Ends counted in the 60 seconds up to now. */
    int lastMinute() {
        long now = clock.millis() / 1_000;
        long total = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            if (now - stamps.get(slot) < SECONDS) {
                total += counts.get(slot);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
