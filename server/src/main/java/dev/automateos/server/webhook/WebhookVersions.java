package dev.automateos.server.webhook;

import dev.automateos.nodes.trigger.WebhookTrigger;
import dev.automateos.server.workflow.WorkflowStore;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The document and webhook trigger config of each workflow version a call reaches, parsed once:
 * versions are immutable, so an entry never goes stale, and a call no longer reads and parses the
 * whole document. Bounded: past {@value #MAX_CACHED} entries the cache starts over.
 */
@Component
class WebhookVersions {

    /** One version: its document, and its webhook config (empty when the trigger is not a webhook). */
    record Version(JsonNode definition, Optional<WebhookTrigger.Config> config) {
    }

    private static final int MAX_CACHED = 2_000;

    private final WorkflowStore workflows;
    private final Map<String, Version> cache = new ConcurrentHashMap<>();

    WebhookVersions(WorkflowStore workflows) {
        this.workflows = workflows;
    }

    /** The target's current version; empty when it no longer exists (deleted meanwhile). */
    Optional<Version> of(WebhookTarget target) {
        String key = target.workflowId() + ":" + target.version();
        Version version = cache.get(key);
        if (version != null) {
            return Optional.of(version);
        }
        Optional<Version> loaded = load(target.workflowId(), target.version());
        loaded.ifPresent(v -> {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, v);
        });
        return loaded;
    }

    private Optional<Version> load(UUID workflowId, int version) {
        return workflows.version(workflowId, version)
                .map(v -> new Version(v.definition(), TriggerConfigs.of(v.definition())));
    }
}
