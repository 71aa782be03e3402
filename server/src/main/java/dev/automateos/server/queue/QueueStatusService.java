package dev.automateos.server.queue;

import dev.automateos.engine.queue.Lane;
import dev.automateos.engine.queue.LaneDepth;
import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.config.AutomateOsProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Reads the queue's figures. A snapshot is reused for {@value #FRESH_MILLIS} ms, so a metrics
 * scrape (a dozen gauges) and a status page cost one round of queries, not one per figure.
 */
@Service
public class QueueStatusService {

    /** A worker whose last heartbeat is older than this is shown as not alive. */
    static final Duration ALIVE = Duration.ofSeconds(15);
    private static final Duration LISTED = Duration.ofMinutes(10);
    private static final long FRESH_MILLIS = 1_000;

    private final WorkQueue queue;
    private final JdbcWorkerDirectory workers;
    private final Clock clock;
    private final String broker;
    private volatile QueueStatus last;

    QueueStatusService(WorkQueue queue, JdbcWorkerDirectory workers, Clock clock, AutomateOsProperties properties) {
        this.queue = queue;
        this.workers = workers;
        this.clock = clock;
        this.broker = properties.queue().broker().name().toLowerCase(Locale.ROOT);
    }

    public QueueStatus status() {
        QueueStatus cached = last;
        Instant now = clock.instant();
        if (cached != null && Duration.between(cached.at(), now).toMillis() < FRESH_MILLIS) {
            return cached;
        }
        QueueStatus fresh = read(now);
        last = fresh;
        return fresh;
    }

    private QueueStatus read(Instant now) {
        Map<String, QueueStatus.LaneFigures> lanes = new LinkedHashMap<>();
        for (Map.Entry<Lane, LaneDepth> lane : queue.depth().entrySet()) {
            LaneDepth depth = lane.getValue();
            lanes.put(lane.getKey().name().toLowerCase(Locale.ROOT),
                    new QueueStatus.LaneFigures(depth.ready(), depth.delayed(), depth.leased()));
        }
        List<QueueStatus.Worker> listed = workers.heardSince(now.minus(LISTED)).stream()
                .map(w -> new QueueStatus.Worker(w.id(), w.host(), w.pid(), w.roles(), w.version(), w.startedAt(),
                        w.lastHeartbeatAt(), !w.lastHeartbeatAt().isBefore(now.minus(ALIVE)), w.inFlight(), w.slots(),
                        w.completedLastMinute()))
                .toList();
        long completed = listed.stream().filter(QueueStatus.Worker::alive)
                .mapToLong(QueueStatus.Worker::completedLastMinute).sum();
        return new QueueStatus(broker, lanes, queue.oldestWaiting().toMillis(), listed,
                new QueueStatus.Throughput(completed, Math.round(completed / 60.0 * 100) / 100.0), now);
    }
}
