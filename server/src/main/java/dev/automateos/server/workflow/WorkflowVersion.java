package dev.automateos.server.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * One saved version of a workflow, without its document.
 *
 * @param createdBy the account that saved it
 * @param message   the optional save note
 */
public record WorkflowVersion(int version, Instant createdAt, UUID createdBy, String message) {
}
