package dev.automateos.server.webhook;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The workflow a webhook request reaches, with its current version's document.
 *
 * @param version    the current version number; the live path launches exactly this one
 * @param definition that version's document
 */
record WebhookTarget(UUID workflowId, UUID ownerId, boolean active, int version, JsonNode definition) {
}
