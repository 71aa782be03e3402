package dev.automateos.server.webhook;

import java.util.UUID;

/** A workflow's webhook addresses: the unguessable token and, when the trigger sets one, the owner's custom path. */
record WebhookEndpoint(UUID workflowId, UUID ownerId, String tokenPath, String customPath) {
}
