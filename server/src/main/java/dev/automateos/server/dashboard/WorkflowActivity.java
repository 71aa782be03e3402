package dev.automateos.server.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One workflow's recent history. {@code success_rate} is succeeded / (succeeded + failed) over
 * its stored executions (cancelled ones count for neither), absent when none has finished;
 * {@code recent} lists the statuses of the latest runs, oldest first, for a sparkline.
 */
record WorkflowActivity(UUID workflowId, long runs, long succeeded, long failures, Double successRate,
                        LastRun lastRun, List<RecentRun> recent) {

    record LastRun(UUID id, String status, Instant createdAt, Long durationMs) {
    }

    record RecentRun(UUID id, String status, Long durationMs) {
    }
}
