package dev.automateos.engine.queue;

/**
 * How many items one lane holds, for metrics.
 *
 * @param ready   claimable now (available, not leased, or leased with an expired lease)
 * @param delayed not yet available (retries, wait timers)
 * @param leased  held by a worker under a live lease
 */
public record LaneDepth(long ready, long delayed, long leased) {

    public static final LaneDepth EMPTY = new LaneDepth(0, 0, 0);

    public long total() {
        return ready + delayed + leased;
    }
}
