package dev.automateos.server.execution;

import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.ProcessRole;
import dev.automateos.server.execution.UnfinishedExecutions.Unfinished;
import dev.automateos.server.queue.BrokerInventory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes up for what a broker outside the database lost (Redis restarted empty, or a write after a
 * commit failed): the database is the truth, so every unfinished execution should have an item in
 * the queue, or a worker saving it. Each pass pages through the unfinished executions in batches of
 * {@value #BATCH} and asks the broker which have items. One without is a suspect; if it is still
 * without an item and at the same revision (nobody saved it) a grace period later, it gets a
 * recovery item ({@link ExecutionQueueing#enqueueRecovery}). The worker that takes it resumes the
 * execution (ExecutionResumed), which schedules its waits, retry back-offs and deadline again.
 *
 * <p>Runs in worker and scheduler processes, with the Redis broker only. Reconcilers of several
 * processes may queue the same recovery; its item id is (execution, revision), so it is queued
 * once, and a worker drops it once the execution was saved since.
 */
@Component
class BrokerReconciler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerReconciler.class);
    static final int BATCH = 500;
    /** Bounds one pass; the next pass goes on where this one stopped. */
    static final int MAX_BATCHES_PER_PASS = 20;
    static final int PARALLEL_RECOVERIES = 8;

    /** An execution met without an item: since when at this revision, and in which pass last. */
    private record Suspect(long revision, Instant since, long pass) {
    }

    private final WorkQueue queue;
    private final UnfinishedExecutions unfinished;
    private final ExecutionStore store;
    private final ExecutionQueueing queueing;
    private final Clock clock;
    private final Duration interval;
    private final Duration grace;
    private final boolean enabled;
    private final Counter requeued;
    private final Map<UUID, Suspect> suspects = new HashMap<>();
    private UUID cursor;
    private long pass;
    private boolean failing;
    private volatile Thread thread;

    BrokerReconciler(WorkQueue queue, UnfinishedExecutions unfinished, ExecutionStore store,
                     ExecutionQueueing queueing, Clock clock, AutomateOsProperties properties, MeterRegistry meters) {
        this.queue = queue;
        this.unfinished = unfinished;
        this.store = store;
        this.queueing = queueing;
        this.clock = clock;
        this.interval = properties.redis().reconcileInterval();
        this.grace = properties.redis().reconcileGrace();
        this.enabled = queue instanceof BrokerInventory
                && (properties.hasRole(ProcessRole.WORKER) || properties.hasRole(ProcessRole.SCHEDULER));
        this.requeued = Counter.builder("automateos.queue.reconciler.requeued")
                .description("Unfinished executions queued again because the broker had lost their items")
                .register(meters);
    }

    /**
     * One pass of at most {@value #MAX_BATCHES_PER_PASS} batches; answers how many executions it
     * queued again. Not thread-safe: the reconciler's own thread (or a test) calls it.
     */
    int reconcile() {
        BrokerInventory inventory = (BrokerInventory) queue;
        Instant now = clock.instant();
        long started = System.nanoTime();
        int recovered = 0;
        int checked = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
            List<Unfinished> page = unfinished.after(cursor, BATCH);
            checked += page.size();
            Set<UUID> queued = inventory.withItems(page.stream().map(Unfinished::id).toList());
            List<Unfinished> lost = new ArrayList<>();
            for (Unfinished execution : page) {
                if (queued.contains(execution.id())) {
                    suspects.remove(execution.id());
                } else if (lostSinceGrace(execution, now)) {
                    suspects.remove(execution.id());
                    lost.add(execution);
                }
            }
            recovered += recoverAll(lost, now);
            cursor = page.size() < BATCH ? null : page.getLast().id();
            if (cursor == null) {
                // A full pass is done: suspects it did not meet have finished (or were deleted).
                suspects.values().removeIf(suspect -> suspect.pass() < pass);
                pass++;
                break;
            }
        }
        if (recovered > 0) {
            LOG.info("Reconciler: queued {} execution(s) again that the broker had lost ({} unfinished checked "
                    + "in {} ms, {} more without an item within the grace period)", recovered, checked,
                    (System.nanoTime() - started) / 1_000_000, suspects.size());
        }
        return recovered;
    }

    /** Whether the execution has been without an item, unchanged, for the grace period; records it if new. */
    private boolean lostSinceGrace(Unfinished execution, Instant now) {
        Suspect suspect = suspects.get(execution.id());
        if (suspect == null || suspect.revision() != execution.revision()) {
            suspects.put(execution.id(), new Suspect(execution.revision(), now, pass));
            return false;
        }
        suspects.put(execution.id(), new Suspect(suspect.revision(), suspect.since(), pass));
        return !now.isBefore(suspect.since().plus(grace));
    }

    /**
     * A restart of Redis loses everything at once; one execution after another (a read, a write)
     * took seconds per batch on a busy machine, so a few at a time.
     */
    private int recoverAll(List<Unfinished> lost, Instant now) {
        if (lost.isEmpty()) {
            return 0;
        }
        List<Future<Integer>> done = new ArrayList<>(lost.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_RECOVERIES, Thread.ofVirtual().factory())) {
            lost.forEach(execution -> done.add(pool.submit(() -> recover(execution, now))));
        }
        int recovered = 0;
        for (Future<Integer> future : done) {
            try {
                recovered += future.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return recovered;
    }

    private int recover(Unfinished lost, Instant now) {
        var execution = store.find(lost.id()).orElse(null);
        if (execution == null || execution.revision() != lost.revision() || execution.state().status().isTerminal()) {
            return 0; // it moved on while we looked
        }
        queueing.enqueueRecovery(execution, now);
        requeued.increment();
        return 1;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        thread = Thread.ofVirtual().name("broker-reconciler").start(this::loop);
    }

    private void loop() {
        while (thread != null) {
            try {
                Thread.sleep(interval);
                reconcile();
                if (failing) {
                    LOG.info("Reconciler: the broker answers again");
                    failing = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warn("Reconciler: cannot compare the executions with the broker ({}); retrying every {}",
                            e.toString(), interval);
                    failing = true;
                }
            }
        }
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
