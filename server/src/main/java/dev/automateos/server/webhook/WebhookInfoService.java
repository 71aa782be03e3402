package dev.automateos.server.webhook;

import dev.automateos.engine.json.EngineJson;
import dev.automateos.nodes.trigger.WebhookTrigger;
import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.web.ApiException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The webhook URLs of a workflow, for its owner only: a URL is a capability, so not even admins
 * and observers read it through the API (they get 404 like for a missing workflow).
 */
@Service
class WebhookInfoService {

    private final JdbcWebhookStore store;
    private final WebhookEndpoints endpoints;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String baseUrl;
    private final WebhookVersions versions;

    WebhookInfoService(JdbcWebhookStore store, WebhookEndpoints endpoints, PlatformTransactionManager transactions,
                       Clock clock, @Value("${automateos.webhook.base-url:}") String baseUrl, WebhookVersions versions) {
        this.store = store;
        this.versions = versions;
        this.endpoints = endpoints;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    WebhookInfo get(AuthenticatedUser me, UUID workflowId) {
        return tx.execute(status -> {
            Owned owned = owned(me, workflowId);
            return info(me, owned, endpoints.ensure(workflowId, me.id(), owned.config().path()));
        });
    }

    /** A new token; the old URLs (live and test) answer 404 from now on. */
    WebhookInfo rotate(AuthenticatedUser me, UUID workflowId) {
        return tx.execute(status -> {
            Owned owned = owned(me, workflowId);
            WebhookEndpoint endpoint = endpoints.ensure(workflowId, me.id(), owned.config().path());
            String token = WebhookTokens.next();
            store.rotate(workflowId, token, clock.instant());
            return info(me, owned, new WebhookEndpoint(workflowId, me.id(), token, endpoint.customPath()));
        });
    }

    private record Owned(WebhookTarget workflow, WebhookTrigger.Config config) {
    }

    private Owned owned(AuthenticatedUser me, UUID workflowId) {
        WebhookTarget workflow = store.workflow(workflowId).filter(w -> w.ownerId().equals(me.id()))
                .orElseThrow(() -> ApiException.notFound("The workflow"));
        WebhookTrigger.Config config = versions.of(workflow).flatMap(WebhookVersions.Version::config).orElseThrow(() ->
                ApiException.notFound("A webhook for this workflow (its trigger is not trigger.webhook)"));
        return new Owned(workflow, config);
    }

    private WebhookInfo info(AuthenticatedUser me, Owned owned, WebhookEndpoint endpoint) {
        String base = baseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : baseUrl;
        String custom = endpoint.customPath() == null ? null
                : base + "/webhook/u/" + me.username() + "/" + endpoint.customPath();
        JsonNode auth = EngineJson.mapper().valueToTree(owned.config().auth());
        return new WebhookInfo(base + "/webhook/" + endpoint.tokenPath(), base + "/webhook-test/" + endpoint.tokenPath(),
                custom, owned.config().methods().stream().map(Enum::name).toList(), auth,
                owned.config().responseMode() == WebhookTrigger.ResponseMode.WHEN_FINISHED ? "when_finished" : "immediate",
                owned.workflow().active());
    }
}
