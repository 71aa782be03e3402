package dev.automateos.server.schedule;

import dev.automateos.nodes.trigger.ScheduleTimes;
import dev.automateos.nodes.trigger.ScheduleTrigger;
import dev.automateos.server.execution.ExecutionLauncher;
import dev.automateos.server.execution.LaunchRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due schedules, exactly once per occurrence, in ONE transaction per batch: lock the due rows
 * ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so concurrent schedulers split the work instead of
 * waiting), start each occurrence's execution through the {@link ExecutionLauncher} with the
 * idempotency key {@code schedule:<occurrence>}, and move each row's {@code next_fire_at} on. Either
 * all of it commits or none of it: a scheduler that dies mid-batch leaves the rows due, and the next
 * claim fires them. What fires comes from the locked row, never from a scheduler's memory, so a
 * stale in-memory entry can only cause a claim that finds nothing to do. The key is a second guard:
 * the executions table holds one execution per (workflow, key).
 */
@Component
class ScheduleFirer {

    static final String TRIGGER_KIND = "schedule";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFirer.class);
    private static final int MAX_CACHED = 50_000;

    /** Parsed schedules by workflow; an entry is good for one generation of its row. */
    private record Parsed(long generation, Optional<ScheduleTimes> times) {
    }

    private final JdbcScheduleStore store;
    private final ExecutionLauncher launcher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration tolerance;
    private final Timer lateness;
    private final Counter fired;
    private final Counter skipped;
    private final Map<UUID, Parsed> parsed = new ConcurrentHashMap<>();

    ScheduleFirer(JdbcScheduleStore store, ExecutionLauncher launcher, PlatformTransactionManager transactions,
                  Clock clock, ScheduleProperties properties, MeterRegistry meters) {
        this.store = store;
        this.launcher = launcher;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.tolerance = properties.misfireTolerance();
        this.lateness = Timer.builder("automateos.schedule.fire.lateness")
                .description("How long after its scheduled time an on-time occurrence's execution was started")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1)).register(meters);
        this.fired = Counter.builder("automateos.schedule.fires")
                .description("Executions started by schedules (a run_once misfire counts once)").register(meters);
        this.skipped = Counter.builder("automateos.schedule.misfires.skipped")
                .description("Occurrences missed while no scheduler could fire them, dropped by the skip policy")
                .register(meters);
    }

    /**
     * Claims those of {@code workflowIds} that are due now and fires them; answers the new head of
     * each schedule it claimed. A schedule it did not claim (not due, held by another scheduler, or
     * gone) is not in the answer. A database failure rolls the whole batch back and is rethrown.
     */
    Map<UUID, ScheduleHead> fireDue(Collection<UUID> workflowIds) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            Map<UUID, ScheduleHead> claimed = new HashMap<>();
            for (ScheduleRow row : store.lockDue(workflowIds, now)) {
                Optional<Instant> next = fire(row, now);
                store.advance(row.workflowId(), next.orElse(null));
                claimed.put(row.workflowId(), new ScheduleHead(row.workflowId(), row.generation(), next.orElse(null)));
            }
            return claimed;
        });
    }

    /** Starts the row's due executions; answers its next occurrence. */
    private Optional<Instant> fire(ScheduleRow row, Instant now) {
        Optional<ScheduleTimes> times = times(row);
        if (times.isEmpty()) {
            LOG.warn("Schedule of workflow {} (version {}) no longer describes a schedule; it stops until the "
                    + "workflow is saved again", row.workflowId(), row.workflowVersion());
            return Optional.empty();
        }
        ScheduleTimes.Due due = times.get().due(row.nextFireAt(), now, tolerance);
        if (due.skipped() > 0) {
            skipped.increment(due.skipped());
            LOG.info("Schedule of workflow {}: skipped {} occurrence(s) missed while no scheduler could fire them "
                    + "(misfire policy skip)", row.workflowId(), due.skipped());
        }
        for (ScheduleTimes.Fire occurrence : due.fires()) {
            launch(row, occurrence, times.get());
        }
        return due.next();
    }

    private void launch(ScheduleRow row, ScheduleTimes.Fire occurrence, ScheduleTimes times) {
        Instant firedAt = clock.instant();
        var request = new LaunchRequest(row.workflowId(), row.workflowVersion(), null, row.ownerId(), TRIGGER_KIND,
                ScheduleTrigger.payload(occurrence, firedAt, times.zone()),
                "schedule:" + occurrence.scheduledAt());
        try {
            if (!launcher.launch(request).duplicate()) {
                fired.increment();
                if (occurrence.missed() == 0) {
                    lateness.record(Duration.between(occurrence.scheduledAt(), firedAt));
                }
            }
        } catch (DataAccessException e) {
            throw e; // the batch rolls back; its rows stay due and are claimed again
        } catch (RuntimeException e) {
            // A version that no longer compiles (a node type went away) must not stop the schedule.
            LOG.warn("Schedule of workflow {}: could not start the run for {}: {}", row.workflowId(),
                    occurrence.scheduledAt(), e.getMessage());
        }
    }

    private Optional<ScheduleTimes> times(ScheduleRow row) {
        Parsed cached = parsed.get(row.workflowId());
        if (cached != null && cached.generation() == row.generation()) {
            return cached.times();
        }
        Optional<ScheduleTimes> times = ScheduleConfigs.parse(row.config()).map(ScheduleTimes::of);
        if (parsed.size() >= MAX_CACHED) {
            parsed.clear();
        }
        parsed.put(row.workflowId(), new Parsed(row.generation(), times));
        return times;
    }
}
