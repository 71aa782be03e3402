package dev.automateos.server.schedule;

import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.ProcessRole;
import dev.automateos.server.events.EventBus;
import dev.automateos.server.events.LiveEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The scheduler role: keeps every pending schedule in memory ({@link DueSchedules}), sleeps until
 * the earliest is due, and has {@link ScheduleFirer} claim and fire it. No polling for due work:
 * besides the sleeping loop there is one small query per {@code refresh-interval} (rows whose
 * schedule changed lately, in case a change notice was missed) and a full reconcile every
 * {@value #RECONCILE_SECONDS} s (to drop schedules that are gone). Change notices come over the
 * {@link EventBus} ({@link LiveEvent.ScheduleChanged}), so an edit reaches every scheduler at once,
 * and within the refresh interval at worst.
 *
 * <p>Any number of processes may play this role on one PostgreSQL; each knows every schedule and
 * wakes for it, and the claim's row lock makes exactly one of them fire each occurrence. One that
 * finds a due row held by another looks again shortly after ({@value #RETRY_MILLIS} ms): if the
 * holder died mid-claim, its transaction was rolled back and the row is due again.
 */
@Component
class Scheduler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    static final int BATCH = 400;
    /**
     * A burst of due schedules is split into up to {@value #PARALLEL_CLAIMS} claim transactions of at
     * least {@value #CLAIM} schedules each, which run side by side.
     */
    static final int CLAIM = 4;
    static final int PARALLEL_CLAIMS = 6;
    static final long RETRY_MILLIS = 250;
    static final long RECONCILE_SECONDS = 30;
    // A commit stamps changed_at with the writer's clock some time before it is visible; re-reading
    // this far back covers slow commits and small clock differences between processes.
    private static final Duration REFRESH_OVERLAP = Duration.ofSeconds(10);
    private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(1);

    private final JdbcScheduleStore store;
    private final ScheduleFirer firer;
    private final EventBus bus;
    private final Clock clock;
    private final Duration refreshInterval;
    private final boolean enabled;
    private final DueSchedules due = new DueSchedules();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    Scheduler(JdbcScheduleStore store, ScheduleFirer firer, EventBus bus, Clock clock, ScheduleProperties schedule,
              AutomateOsProperties properties, MeterRegistry meters) {
        this.store = store;
        this.firer = firer;
        this.bus = bus;
        this.clock = clock;
        this.refreshInterval = schedule.refreshInterval();
        this.enabled = properties.hasRole(ProcessRole.SCHEDULER);
        Gauge.builder("automateos.schedule.pending", due, DueSchedules::size)
                .description("Schedules this scheduler keeps in memory and wakes for").register(meters);
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        // Subscribed before the first load, so no change slips between the two.
        EventBus.Subscription notices = bus.subscribe(EventBus.Topic.schedules());
        reconcile();
        threads.add(Thread.ofVirtual().name("scheduler-fire").start(this::fireLoop));
        threads.add(Thread.ofVirtual().name("scheduler-notices").start(() -> noticeLoop(notices)));
        threads.add(Thread.ofVirtual().name("scheduler-refresh").start(this::refreshLoop));
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void fireLoop() {
        try (ExecutorService claims = Executors.newVirtualThreadPerTaskExecutor()) {
            while (running) {
                List<UUID> ids = due.awaitDue(clock, BATCH, Duration.ofSeconds(1));
                if (ids.size() <= CLAIM) {
                    fireLogged(ids);
                    continue;
                }
                // A burst (many schedules on the same second): short claims side by side, so the last of
                // them is not late by the time of all the others.
                List<Callable<Void>> chunks = new ArrayList<>();
                int size = Math.max(CLAIM, (ids.size() + PARALLEL_CLAIMS - 1) / PARALLEL_CLAIMS);
                for (int from = 0; from < ids.size(); from += size) {
                    List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + size));
                    chunks.add(() -> {
                        fireLogged(chunk);
                        return null;
                    });
                }
                claims.invokeAll(chunks);
            }
        } catch (InterruptedException e) {
            // stopping
        }
    }

    private void fireLogged(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            fire(ids);
        } catch (RuntimeException e) {
            LOG.warn("Scheduler: a claim failed; trying again shortly: {}", e.toString());
        }
    }

    /** Claims and fires what is due among {@code ids}, then learns where each of them stands. */
    void fire(List<UUID> ids) {
        long read = due.nextRead();
        Map<UUID, ScheduleHead> claimed;
        try {
            claimed = firer.fireDue(ids);
        } catch (RuntimeException e) {
            // Nothing committed: the rows are as they were; look at them again after a pause.
            retryLater(ids);
            throw e;
        }
        claimed.values().forEach(head -> due.learn(read, head));
        List<UUID> others = ids.stream().filter(id -> !claimed.containsKey(id)).toList();
        if (others.isEmpty()) {
            return;
        }
        long lookup = due.nextRead();
        Instant now = clock.instant();
        List<ScheduleHead> heads;
        try {
            heads = store.heads(others);
        } catch (RuntimeException e) {
            retryLater(others);
            throw e;
        }
        Set<UUID> found = new HashSet<>();
        for (ScheduleHead head : heads) {
            found.add(head.workflowId());
            if (head.nextFireAt() != null && !head.nextFireAt().isAfter(now)) {
                // Still due: another scheduler holds it right now, or died holding it.
                due.learn(lookup, head, now.plusMillis(RETRY_MILLIS));
            } else {
                due.learn(lookup, head);
            }
        }
        others.stream().filter(id -> !found.contains(id)).forEach(id -> due.forget(lookup, id));
    }

    private void retryLater(List<UUID> ids) {
        Instant later = clock.instant().plus(FAILURE_BACKOFF);
        ids.forEach(id -> due.retryAt(id, later));
    }

    private void noticeLoop(EventBus.Subscription first) {
        EventBus.Subscription notices = first;
        try {
            while (running) {
                LiveEvent event = notices.next(Duration.ofSeconds(1));
                if (event instanceof LiveEvent.ScheduleChanged changed) {
                    reread(changed.workflowId());
                } else if (event instanceof LiveEvent.Overflow) {
                    // Dropped for falling behind: listen again, then catch up on everything.
                    notices.close();
                    notices = bus.subscribe(EventBus.Topic.schedules());
                    reconcile();
                }
            }
        } catch (InterruptedException e) {
            // stopping
        } finally {
            notices.close();
        }
    }

    private void refreshLoop() {
        Instant lastRefresh = clock.instant();
        Instant lastReconcile = clock.instant();
        while (running) {
            try {
                Thread.sleep(refreshInterval);
                Instant started = clock.instant();
                long read = due.nextRead();
                store.changedSince(lastRefresh.minus(REFRESH_OVERLAP)).forEach(head -> due.learn(read, head));
                lastRefresh = started;
                if (Duration.between(lastReconcile, started).toSeconds() >= RECONCILE_SECONDS) {
                    reconcile();
                    lastReconcile = started;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Scheduler: reading schedule changes failed; trying again shortly: {}", e.toString());
            }
        }
    }

    private void reread(UUID workflowId) {
        try {
            long read = due.nextRead();
            List<ScheduleHead> heads = store.heads(List.of(workflowId));
            if (heads.isEmpty()) {
                due.forget(read, workflowId);
            } else {
                due.learn(read, heads.getFirst());
            }
        } catch (RuntimeException e) {
            // The periodic refresh will see the change.
            LOG.debug("Scheduler: re-reading schedule {} failed: {}", workflowId, e.toString());
        }
    }

    /** Loads every pending schedule and drops those that are gone. */
    private void reconcile() {
        try {
            long read = due.nextRead();
            Set<UUID> listed = new HashSet<>();
            for (ScheduleHead head : store.pending()) {
                listed.add(head.workflowId());
                due.learn(read, head);
            }
            due.absentFrom(read, listed).forEach(id -> due.forget(read, id));
        } catch (RuntimeException e) {
            LOG.warn("Scheduler: loading the schedules failed; trying again shortly: {}", e.toString());
        }
    }

    /** The in-memory state, for tests. */
    DueSchedules due() {
        return due;
    }
}
