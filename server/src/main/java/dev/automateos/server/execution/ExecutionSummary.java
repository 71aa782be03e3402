package dev.automateos.server.execution;

import java.time.Instant;
import java.util.UUID;

/** An execution as the list shows it: the indexed columns, no steps. */
record ExecutionSummary(UUID id, UUID workflowId, int workflowVersion, UUID ownerId, String triggerKind,
                        String status, UUID rerunOf, Instant createdAt, Instant startedAt, Instant finishedAt,
                        Long durationMs, String errorCode, String errorMessage) {
}
