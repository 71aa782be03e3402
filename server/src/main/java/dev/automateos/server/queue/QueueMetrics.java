package dev.automateos.server.queue;

import dev.automateos.engine.queue.Lane;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The queue's figures as Prometheus metrics ({@code /metrics}): {@code automateos_queue_depth}
 * by lane and state, {@code automateos_queue_oldest_waiting_seconds}, {@code automateos_workers_alive},
 * {@code automateos_workers_in_flight} and {@code automateos_executions_completed_last_minute}. All
 * read one cached {@link QueueStatusService} snapshot, so a scrape costs one round of queries.
 */
@Component
class QueueMetrics {

    QueueMetrics(MeterRegistry meters, QueueStatusService status) {
        for (Lane lane : Lane.values()) {
            String name = lane.name().toLowerCase(Locale.ROOT);
            depth(meters, status, name, "ready", figures -> figures.ready());
            depth(meters, status, name, "delayed", figures -> figures.delayed());
            depth(meters, status, name, "leased", figures -> figures.leased());
        }
        Gauge.builder("automateos.queue.oldest.waiting.seconds", status, s -> s.status().oldestWaitingMs() / 1000.0)
                .description("How long the longest-waiting ready item has waited").register(meters);
        Gauge.builder("automateos.workers.alive", status,
                        s -> s.status().workers().stream().filter(QueueStatus.Worker::alive).count())
                .description("Worker processes with a recent heartbeat").register(meters);
        Gauge.builder("automateos.workers.in.flight", status, s -> s.status().workers().stream()
                        .filter(QueueStatus.Worker::alive).mapToInt(QueueStatus.Worker::inFlight).sum())
                .description("Executions being advanced by live workers").register(meters);
        Gauge.builder("automateos.executions.completed.last.minute", status,
                        s -> s.status().throughputLastMinute().completed())
                .description("Executions that ended in the last minute, over all live workers").register(meters);
    }

    private static void depth(MeterRegistry meters, QueueStatusService status, String lane, String state,
                              ToDoubleFunction<QueueStatus.LaneFigures> figure) {
        Gauge.builder("automateos.queue.depth", status, s -> {
                    QueueStatus.LaneFigures figures = s.status().lanes().get(lane);
                    return figures == null ? 0 : figure.applyAsDouble(figures);
                })
                .tag("lane", lane).tag("state", state)
                .description("Work-queue items by priority lane and state").register(meters);
    }
}
