package dev.automateos.server.webhook;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A workflow's webhook as the API shows it.
 *
 * @param url        the live URL: runs the current version while the workflow is active
 * @param testUrl    runs the current version even while the workflow is inactive
 * @param customUrl  the URL from the trigger's custom {@code path}; null when it has none
 * @param auth       the trigger's {@code auth} config (credential ids only, never secrets)
 */
record WebhookInfo(String url, String testUrl, String customUrl, List<String> methods, JsonNode auth,
                   String responseMode, boolean active) {
}
