package dev.automateos.server.webhook;

import dev.automateos.nodes.trigger.WebhookTrigger;
import dev.automateos.server.execution.ExecutionLauncher;
import dev.automateos.server.execution.LaunchRequest;
import dev.automateos.server.execution.LaunchedExecution;
import dev.automateos.server.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * Handles one webhook call, in this order: find the workflow (404), check the method (405),
 * authenticate (401), read the body (400), launch, answer. Nothing starts before the checks pass,
 * and no 2xx is sent before {@link ExecutionLauncher#launch} has committed the execution.
 */
@Service
class WebhookReceiver {

    /** Which URL was called: the live one runs only active workflows, the test one any. */
    enum Route { LIVE, TEST }

    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final WebhookAuthenticator authenticator;
    private final ObjectProvider<ExecutionLauncher> launcher;
    private final WebhookWaiter waiter;
    private final WebhookVersions versions;

    WebhookReceiver(WebhookAuthenticator authenticator, ObjectProvider<ExecutionLauncher> launcher,
                    WebhookWaiter waiter, WebhookVersions versions) {
        this.authenticator = authenticator;
        this.launcher = launcher;
        this.waiter = waiter;
        this.versions = versions;
    }

    ResponseEntity<?> receive(Route route, Optional<WebhookTarget> found, HttpServletRequest servlet) {
        WebhookTarget target = found.filter(t -> route == Route.TEST || t.active()).orElseThrow(WebhookReceiver::notFound);
        WebhookVersions.Version version = versions.of(target).orElseThrow(WebhookReceiver::notFound);
        WebhookTrigger.Config config = version.config().orElseThrow(WebhookReceiver::notFound);
        IncomingRequest request = IncomingRequest.of(servlet);
        if (config.methods().stream().noneMatch(m -> m.name().equals(request.method()))) {
            HttpHeaders allow = new HttpHeaders();
            allow.set(HttpHeaders.ALLOW, config.methods().stream().map(Enum::name).collect(Collectors.joining(", ")));
            return WebhookReplies.problem(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "This webhook accepts "
                    + allow.getFirst(HttpHeaders.ALLOW) + ", not " + request.method() + ".", servlet, allow);
        }
        Set<String> secretHeaders = authenticator.check(config.auth(), target.workflowId(), target.ownerId(), request);
        ObjectNode payload = WebhookPayloads.of(request, secretHeaders);
        String idempotencyKey = idempotencyKey(request);
        LaunchedExecution launched = launcher().launch(new LaunchRequest(target.workflowId(), target.version(),
                route == Route.TEST ? version.definition() : null, target.ownerId(), "webhook", payload,
                idempotencyKey));
        return config.responseMode() == WebhookTrigger.ResponseMode.WHEN_FINISHED
                ? waiter.reply(launched, servlet)
                : WebhookReplies.accepted(launched.executionId(), launched.duplicate());
    }

    private ExecutionLauncher launcher() {
        ExecutionLauncher available = launcher.getIfAvailable();
        if (available == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "runtime_unavailable",
                    "This server cannot run workflows yet; try again later.");
        }
        return available;
    }

    private static String idempotencyKey(IncomingRequest request) {
        String key = request.header("idempotency-key");
        if (key == null) {
            return null;
        }
        key = key.strip();
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiException.invalidField("Idempotency-Key", "invalid_value", "Idempotency-Key must be 1-"
                    + MAX_IDEMPOTENCY_KEY + " visible ASCII characters.");
        }
        return key;
    }

    static ApiException notFound() {
        return ApiException.notFound("The webhook");
    }
}
