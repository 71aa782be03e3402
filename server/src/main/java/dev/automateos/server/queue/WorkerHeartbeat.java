package dev.automateos.server.queue;

import java.time.Instant;

/**
 * What a worker process says about itself on each heartbeat (one row of {@code workers}).
 *
 * @param inFlight            executions it is advancing right now
 * @param slots               how many it may advance at once ({@code automateos.engine.worker-concurrency})
 * @param completedLastMinute executions that ended in this process during the last 60 seconds
 */
public record WorkerHeartbeat(String id, String host, long pid, String roles, String version, Instant startedAt,
                              Instant lastHeartbeatAt, int inFlight, int slots, int completedLastMinute) {
}
