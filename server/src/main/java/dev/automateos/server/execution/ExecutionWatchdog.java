package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionEvent.ExecutionTimedOut;
import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.ProcessRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Fails executions that outlived their timeout, so nothing stays "running" forever. The engine
 * already queues a timer for each deadline; this is the safety net for when that timer cannot
 * fire (its worker died in a way no lease covers, a broker lost it): every {@value #EVERY_SECONDS}
 * s it sends {@code ExecutionTimedOut} to unfinished executions more than {@value #GRACE_SECONDS}
 * s past their deadline. Every worker process runs it; saves are revision-checked, so two
 * watchdogs acting on one execution end it once.
 */
@Component
class ExecutionWatchdog implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionWatchdog.class);
    static final long EVERY_SECONDS = 10;
    static final long GRACE_SECONDS = 30;
    private static final int BATCH = 100;

    private final ExecutionStore store;
    private final ExecutionDriver driver;
    private final Clock clock;
    private final boolean enabled;
    private volatile boolean running;
    private Thread sweeper;

    ExecutionWatchdog(ExecutionStore store, ExecutionDriver driver, Clock clock, AutomateOsProperties properties) {
        this.store = store;
        this.driver = driver;
        this.clock = clock;
        this.enabled = properties.hasRole(ProcessRole.WORKER);
    }

    /** One sweep as of {@code now}; returns how many executions it told to time out. */
    int sweep(Instant now) {
        List<UUID> overdue = store.overdue(now.minusSeconds(GRACE_SECONDS), BATCH);
        int ended = 0;
        for (UUID id : overdue) {
            if (driver.send(id, new ExecutionTimedOut())) {
                ended++;
            }
        }
        if (ended > 0) {
            LOG.warn("Watchdog: timed out {} execution(s) past their deadline whose timer did not fire", ended);
        }
        return ended;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        sweeper = Thread.ofVirtual().name("execution-watchdog").start(() -> {
            while (running) {
                try {
                    Thread.sleep(Duration.ofSeconds(EVERY_SECONDS));
                    sweep(clock.instant());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("Watchdog sweep failed; trying again shortly: {}", e.toString());
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
