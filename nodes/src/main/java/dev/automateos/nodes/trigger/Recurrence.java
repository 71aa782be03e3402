package dev.automateos.nodes.trigger;

import java.time.Instant;
import java.util.Optional;

/** When a schedule's occurrences fall, before start and end bounds are applied. Pure and thread-safe. */
sealed interface Recurrence permits CronRecurrence, IntervalRecurrence {

    /** The first occurrence strictly after {@code t}; empty when there is none (a cron that never matches again). */
    Optional<Instant> after(Instant t);
}
