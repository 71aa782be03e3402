package dev.automateos.server.webhook;

import java.util.UUID;

/**
 * The workflow a webhook request reaches ({@link WebhookVersions} has the version's document).
 *
 * @param version the current version number; the live path launches exactly this one
 */
record WebhookTarget(UUID workflowId, UUID ownerId, boolean active, int version) {
}
