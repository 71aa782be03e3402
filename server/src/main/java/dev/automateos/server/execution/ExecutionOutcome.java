package dev.automateos.server.execution;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A finished execution.
 *
 * @param status succeeded | failed | cancelled
 * @param result the output of the last step that ran (null when none)
 * @param reply from a webhook.respond step, null when none ran
 */
public record ExecutionOutcome(
        UUID executionId,
        String status,
        JsonNode result,
        WebhookReply reply,
        String errorCode,
        String errorMessage) {}
