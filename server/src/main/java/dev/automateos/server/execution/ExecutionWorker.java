package dev.automateos.server.execution;

import dev.automateos.engine.queue.ClaimedItem;
import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.ProcessRole;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The worker role in this process: claims execution items from the {@link WorkQueue} while it has
 * free slots ({@code automateos.engine.worker-concurrency}), works each on a virtual thread, and
 * acks it (with the execution's last commit, see {@link ExecutionDriver#process}) when the execution
 * holds nothing here any more. Wakes at once on fresh work
 * ({@link WorkSignal}) and polls every {@value #POLL_MILLIS} ms for due timers and expired leases.
 * Leases are extended every third of their length. On stop it claims nothing more, lets in-flight
 * items finish for a grace period, then interrupts and releases the rest for another worker.
 */
@Component
class ExecutionWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionWorker.class);
    static final long POLL_MILLIS = 250;
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final WorkQueue queue;
    private final ExecutionDriver driver;
    private final WorkSignal signal;
    private final Clock clock;
    private final int concurrency;
    private final Duration lease;
    private final boolean enabled;
    private final Semaphore slots;
    private final String workerId = "worker-" + UUID.randomUUID();
    private final Map<UUID, Thread> held = new ConcurrentHashMap<>();
    private final Set<UUID> lost = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean starved;
    private Thread claimer;
    private Thread heartbeat;

    ExecutionWorker(WorkQueue queue, ExecutionDriver driver, WorkSignal signal, Clock clock,
                    AutomateOsProperties properties) {
        this.queue = queue;
        this.driver = driver;
        this.signal = signal;
        this.clock = clock;
        this.concurrency = properties.engine().workerConcurrency();
        this.lease = properties.engine().leaseDuration();
        this.enabled = properties.hasRole(ProcessRole.WORKER);
        this.slots = new Semaphore(concurrency);
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        claimer = Thread.ofVirtual().name("execution-claimer").start(this::claimLoop);
        heartbeat = Thread.ofVirtual().name("execution-heartbeat").start(this::heartbeatLoop);
    }

    private void claimLoop() {
        while (running) {
            try {
                int free = slots.availablePermits();
                starved = free == 0;
                int claimed = free == 0 ? 0 : claim(Math.min(free, 100));
                if (claimed == 0) {
                    signal.await(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Claiming work failed; trying again shortly: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private int claim(int max) {
        var items = queue.claim(workerId, max, lease);
        for (ClaimedItem item : items) {
            slots.acquireUninterruptibly();
            Thread thread = Thread.ofVirtual().name("execution-" + item.item().executionId()).unstarted(() -> work(item));
            held.put(item.item().id(), thread);
            thread.start();
        }
        return items.size();
    }

    private void work(ClaimedItem item) {
        UUID id = item.item().id();
        try {
            if (!driver.process(item, () -> !lost.contains(id))) {
                ack(item);
            }
        } catch (InterruptedException e) {
            // Stopping: the item is released by stop(), or its lease runs out.
        } catch (LeaseLostException e) {
            LOG.warn(e.getMessage());
        } catch (DataAccessException e) {
            // The store (or the broker) is unreachable: nothing is lost, the item comes back when its lease ends.
            LOG.warn("Execution {} could not be advanced now ({}); it is retried when its lease ends",
                    item.item().executionId(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Execution {} could not be advanced; it is retried when its lease ends",
                    item.item().executionId(), e);
        } finally {
            held.remove(id);
            lost.remove(id);
            slots.release();
            if (starved) {
                starved = false;
                signal.wake(); // the claimer waits for a free slot: no need to sit out the poll interval
            }
        }
    }

    /** A stale item (the execution ended or was deleted) is acked without the driver; a failed ack only delays it. */
    private void ack(ClaimedItem item) {
        try {
            queue.ack(workerId, item.item().id());
        } catch (RuntimeException e) {
            LOG.warn("Could not ack a finished item of execution {} ({}); it comes back when its lease ends and is "
                    + "dropped then", item.item().executionId(), e.getMessage());
        }
    }

    private void heartbeatLoop() {
        while (running) {
            try {
                Thread.sleep(lease.dividedBy(3));
                if (!held.isEmpty()) {
                    Set<UUID> beating = Set.copyOf(held.keySet());
                    Set<UUID> kept = queue.heartbeat(workerId, beating, lease);
                    for (UUID id : beating) {
                        // Also true of an item acked since the snapshot; its work is over, so the mark is moot.
                        if (!kept.contains(id) && held.containsKey(id) && lost.add(id)) {
                            LOG.warn("Lost the lease of queue item {}; its execution is with another worker now", id);
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Lease heartbeat failed: {}", e.toString());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        signal.wake();
        interrupt(claimer);
        interrupt(heartbeat);
        try {
            if (!slots.tryAcquire(concurrency, GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                held.forEach((itemId, thread) -> {
                    thread.interrupt();
                    queue.release(workerId, itemId, clock.instant());
                });
            } else {
                slots.release(concurrency);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Releasing in-flight work failed; it is redelivered when its leases end: {}", e.toString());
        }
    }

    private static void interrupt(Thread thread) {
        if (thread != null) {
            thread.interrupt();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    String workerId() {
        return workerId;
    }

    /** Items this worker is working on now. */
    int inFlight() {
        return held.size();
    }

    int concurrency() {
        return concurrency;
    }

    boolean enabled() {
        return enabled;
    }

    /** Late start, early stop: after the database and the web server, before the data source closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
