package dev.automateos.server.execution;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What a webhook.respond step asked the webhook to answer. */
public record WebhookReply(int status, Map<String, String> headers, JsonNode body) {}
