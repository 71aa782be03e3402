package dev.automateos.server.execution;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What to run.
 *
 * @param version null = the workflow's current version
 * @param draftDefinition non-null = run this document instead (webhook test path); it is stored
 *     with the execution but not as a workflow version
 * @param triggerKind "manual" | "webhook" | "schedule"
 * @param idempotencyKey nullable; unique per workflow
 */
public record LaunchRequest(
        UUID workflowId,
        Integer version,
        JsonNode draftDefinition,
        UUID ownerId,
        String triggerKind,
        JsonNode triggerPayload,
        String idempotencyKey) {}
