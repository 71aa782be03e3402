package dev.automateos.server.webhook;

import dev.automateos.engine.json.EngineJson;
import dev.automateos.nodes.trigger.WebhookTrigger;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads the webhook trigger's config out of a workflow document. */
final class TriggerConfigs {

    static final String WEBHOOK_TYPE = "trigger.webhook";

    private TriggerConfigs() {
    }

    /**
     * The bound config, or empty when the document's trigger is not a webhook. A saved document has
     * passed validation, so a config that does not bind means the node type changed under it; such a
     * workflow has no webhook until it is saved again.
     */
    static Optional<WebhookTrigger.Config> of(JsonNode definition) {
        JsonNode trigger = definition.path("trigger");
        if (!WEBHOOK_TYPE.equals(trigger.path("type").asString(null)) || trigger.path("version").asInt() != 1) {
            return Optional.empty();
        }
        JsonNode config = trigger.path("config");
        try {
            return Optional.of(EngineJson.mapper().treeToValue(config.isObject() ? config
                    : EngineJson.mapper().createObjectNode(), WebhookTrigger.Config.class));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
