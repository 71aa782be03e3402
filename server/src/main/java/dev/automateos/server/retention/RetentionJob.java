package dev.automateos.server.retention;

import dev.automateos.server.store.SqlDialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prunes the execution history in the background: a minute after start-up, then every
 * {@code automateos.retention.interval}, by age and then by count per workflow. One process at a
 * time ({@link PruneLock}); a process that finds the lock taken skips the run.
 */
@Component
class RetentionJob implements SmartLifecycle {

    /** What one run deleted; {@code skipped} when another process was pruning. */
    record Run(int byAge, int byCount, boolean skipped) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    private final RetentionProperties settings;
    private final ExecutionPruner pruner;
    private final PruneLock lock;
    private final Clock clock;
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private volatile boolean stopping;

    RetentionJob(RetentionProperties settings, JdbcClient jdbc, DataSource dataSource, SqlDialect dialect,
                 Clock clock) {
        this.settings = settings;
        this.pruner = new ExecutionPruner(jdbc, settings.batchSize(), () -> !stopping);
        this.lock = new PruneLock(dataSource, dialect);
        this.clock = clock;
    }

    /** One pruning run now, on the caller's thread. */
    Run runOnce() throws java.sql.SQLException {
        Optional<PruneLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            return new Run(0, 0, true);
        }
        try (var ignored = held.get()) {
            Instant cutoff = clock.instant().minus(settings.maxAge());
            int byAge = pruner.olderThan(cutoff);
            int byCount = pruner.beyondPerWorkflow(settings.maxPerWorkflow());
            return new Run(byAge, byCount, false);
        }
    }

    private void loop() {
        Duration wait = FIRST_RUN.compareTo(settings.interval()) < 0 ? FIRST_RUN : settings.interval();
        while (running) {
            try {
                pause(wait);
                if (!running) {
                    return;
                }
                Run run = runOnce();
                if (run.byAge() + run.byCount() > 0) {
                    LOG.info("Retention deleted {} executions older than {} and {} beyond {} per workflow",
                            run.byAge(), settings.maxAge(), run.byCount(), settings.maxPerWorkflow());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.warn("Pruning the execution history failed; trying again in {}: {}", settings.interval(),
                        e.toString());
            }
            wait = settings.interval();
        }
    }

    /** Waits without interrupts: an interrupt inside a JDBC call could close H2's file channel. */
    private void pause(Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        synchronized (wakeUp) {
            long left;
            while (running && (left = until - System.nanoTime()) > 0) {
                wakeUp.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public void start() {
        if (settings.enabled()) {
            stopping = false;
            running = true;
            Thread.ofVirtual().name("retention").start(this::loop);
        }
    }

    /** Ends the run after its current batch; the next run (here or elsewhere) carries on. */
    @Override
    public void stop() {
        stopping = true;
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
