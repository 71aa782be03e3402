package dev.automateos.server.workflow;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One saved version of a workflow with its document, exactly as it was saved. */
public record WorkflowVersionDetail(int version, Instant createdAt, UUID createdBy, String message,
                                    JsonNode definition) {
}
