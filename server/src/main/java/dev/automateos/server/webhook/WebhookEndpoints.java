package dev.automateos.server.webhook;

import dev.automateos.nodes.trigger.WebhookTrigger;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.FieldProblem;
import dev.automateos.server.workflow.WorkflowSaveListener;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps {@code webhook_endpoints} in step with each workflow's current document: the token is made
 * the first time a webhook trigger is saved, and the custom path follows the trigger config. Runs
 * inside the save's transaction, so a custom path another of the owner's workflows uses makes the
 * whole save fail with 409 {@code webhook_path_taken}.
 */
@Component
class WebhookEndpoints implements WorkflowSaveListener {

    private final JdbcWebhookStore store;
    private final Clock clock;

    WebhookEndpoints(JdbcWebhookStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void saved(UUID workflowId, UUID ownerId, JsonNode definition) {
        Optional<WebhookTrigger.Config> config = TriggerConfigs.of(definition);
        if (config.isPresent() || store.find(workflowId).isPresent()) {
            ensure(workflowId, ownerId, config.map(WebhookTrigger.Config::path).orElse(null));
        }
    }

    /** The endpoint row, made or brought up to date; {@code customPath} null clears it. */
    WebhookEndpoint ensure(UUID workflowId, UUID ownerId, String customPath) {
        if (customPath != null && store.customPathOwner(ownerId, customPath, workflowId).isPresent()) {
            throw pathTaken(customPath);
        }
        try {
            Optional<WebhookEndpoint> existing = store.find(workflowId);
            if (existing.isEmpty()) {
                var created = new WebhookEndpoint(workflowId, ownerId, WebhookTokens.next(), customPath);
                store.insert(created, clock.instant());
                return created;
            }
            if (!Objects.equals(existing.get().customPath(), customPath)) {
                store.setCustomPath(workflowId, customPath);
            }
            return new WebhookEndpoint(workflowId, ownerId, existing.get().tokenPath(), customPath);
        } catch (DuplicateKeyException e) {
            // Another save took the path between the check and the write.
            throw pathTaken(customPath);
        }
    }

    private static ApiException pathTaken(String customPath) {
        String message = "Another of your workflows already uses the webhook path '" + customPath
                + "'; choose another path or change that workflow first.";
        return new ApiException(HttpStatus.CONFLICT, "webhook_path_taken", message,
                List.of(new FieldProblem("/trigger/config/path", "taken", message)));
    }
}
