package dev.automateos.server.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The queue at a glance, for {@code GET /api/v1/system/queue}, the metrics and {@code queue status}.
 *
 * @param lanes                per priority lane: ready, delayed and leased items
 * @param oldestWaitingMs      how long the longest-waiting ready item has waited
 * @param workers              worker processes heard from in the last ten minutes; {@code alive}
 *                             when their last heartbeat is recent
 * @param throughputLastMinute executions that ended in the last minute, summed over live workers
 */
public record QueueStatus(String broker, Map<String, LaneFigures> lanes, long oldestWaitingMs, List<Worker> workers,
                          Throughput throughputLastMinute, Instant at) {

    public record LaneFigures(long ready, long delayed, long leased) {
    }

    public record Worker(String id, String host, long pid, String roles, String version, Instant startedAt,
                         Instant lastHeartbeatAt, boolean alive, int inFlight, int slots, int completedLastMinute) {
    }

    public record Throughput(long completed, double perSecond) {
    }
}
