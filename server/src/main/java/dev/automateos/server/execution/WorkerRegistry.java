package dev.automateos.server.execution;

import dev.automateos.server.cli.VersionProvider;
import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.ProcessRole;
import dev.automateos.server.queue.JdbcWorkerDirectory;
import dev.automateos.server.queue.WorkerHeartbeat;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this worker's row in {@code workers} fresh every {@value #BEAT_SECONDS} s (what the queue's
 * status page lists), removes it on a clean stop, and forgets workers silent for an hour. A dead
 * worker's row simply ages: its leases expire and other workers take its executions over.
 */
@Component
class WorkerRegistry implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistry.class);
    static final long BEAT_SECONDS = 5;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final ExecutionWorker worker;
    private final JdbcWorkerDirectory directory;
    private final CompletionRate completions;
    private final Clock clock;
    private final String roles;
    private final Instant startedAt;
    private volatile boolean running;
    private Thread beater;

    WorkerRegistry(ExecutionWorker worker, JdbcWorkerDirectory directory, CompletionRate completions, Clock clock,
                   AutomateOsProperties properties) {
        this.worker = worker;
        this.directory = directory;
        this.completions = completions;
        this.clock = clock;
        this.roles = properties.activeRoles().stream().map(ProcessRole::wireName).collect(Collectors.joining(","));
        this.startedAt = clock.instant();
    }

    @Override
    public void start() {
        if (!worker.enabled()) {
            return;
        }
        running = true;
        beater = Thread.ofVirtual().name("worker-registry").start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                beat();
                directory.forgetSilentSince(clock.instant().minus(FORGET_AFTER));
                Thread.sleep(Duration.ofSeconds(BEAT_SECONDS));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Worker heartbeat failed; trying again shortly: {}", e.toString());
                try {
                    Thread.sleep(Duration.ofSeconds(BEAT_SECONDS));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    void beat() {
        directory.beat(new WorkerHeartbeat(worker.workerId(), host(), ProcessHandle.current().pid(), roles,
                VersionProvider.version(), startedAt, clock.instant(), worker.inFlight(), worker.concurrency(),
                completions.lastMinute()));
    }

    @Override
    public void stop() {
        running = false;
        if (beater != null) {
            beater.interrupt();
            try {
                directory.remove(worker.workerId());
            } catch (RuntimeException e) {
                LOG.debug("Could not remove the worker row; it ages out instead", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Up after the worker, down before it: a listed worker is one that claims. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
