package dev.automateos.server.execution;

import java.time.Instant;
import java.util.UUID;

/** Filters of the execution list; null fields do not filter. {@code from} inclusive, {@code to} exclusive, on created_at. */
record ExecutionQuery(UUID ownerId, UUID workflowId, String status, String triggerKind, Instant from, Instant to) {
}
