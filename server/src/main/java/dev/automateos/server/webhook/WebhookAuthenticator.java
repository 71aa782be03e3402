package dev.automateos.server.webhook;

import dev.automateos.nodes.trigger.WebhookTrigger;
import dev.automateos.server.credential.ApiKeyCredential;
import dev.automateos.server.credential.BasicAuthCredential;
import dev.automateos.server.credential.CredentialData;
import dev.automateos.server.credential.CredentialUnavailableException;
import dev.automateos.server.credential.CredentialVault;
import dev.automateos.server.credential.CustomHeaderCredential;
import dev.automateos.server.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a webhook call against its trigger's {@code auth} before anything runs. Every refusal is
 * the same 401 {@code webhook_unauthorized}, whatever was wrong, so a caller learns nothing about
 * the secret; the owner's misconfigurations (missing credential, wrong type) are logged instead.
 */
@Component
class WebhookAuthenticator {

    static final String GITHUB_HEADER = "x-hub-signature-256";
    static final String STRIPE_HEADER = "stripe-signature";
    private static final Logger log = LoggerFactory.getLogger(WebhookAuthenticator.class);

    private final CredentialVault vault;
    private final Clock clock;

    WebhookAuthenticator(CredentialVault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * @return the lower-case names of the headers that carried a secret, to redact from the payload
     * @throws ApiException 401 {@code webhook_unauthorized} when the call does not prove itself
     */
    Set<String> check(WebhookTrigger.Auth auth, UUID workflowId, UUID ownerId, IncomingRequest request) {
        return switch (auth) {
            case WebhookTrigger.NoAuth none -> Set.of();
            case WebhookTrigger.HeaderAuth header -> headerToken(header, workflowId, ownerId, request);
            case WebhookTrigger.BasicAuth basic -> {
                var expected = secret(basic.credentialId(), workflowId, ownerId, BasicAuthCredential.class);
                require(basicMatches(request.header("authorization"), expected));
                yield Set.of("authorization");
            }
            case WebhookTrigger.GithubSignature github -> {
                String secret = signingSecret(github.credentialId(), workflowId, ownerId);
                require(Signatures.same(request.header(GITHUB_HEADER),
                        "sha256=" + Signatures.hmacSha256Hex(secret, request.body())));
                yield Set.of(GITHUB_HEADER);
            }
            case WebhookTrigger.StripeSignature stripe -> {
                String secret = signingSecret(stripe.credentialId(), workflowId, ownerId);
                require(StripeSignatures.verify(request.header(STRIPE_HEADER), secret, request.body(),
                        clock.instant(), stripe.toleranceSeconds()));
                yield Set.of(STRIPE_HEADER);
            }
        };
    }

    private Set<String> headerToken(WebhookTrigger.HeaderAuth auth, UUID workflowId, UUID ownerId,
                                    IncomingRequest request) {
        CredentialData credential = secret(auth.credentialId(), workflowId, ownerId, CredentialData.class);
        String token;
        String defaultHeader;
        if (credential instanceof CustomHeaderCredential custom) {
            token = custom.headerValue();
            defaultHeader = custom.headerName();
        } else if (credential instanceof ApiKeyCredential key) {
            token = key.token();
            defaultHeader = key.placement() == ApiKeyCredential.Placement.HEADER ? key.name() : "authorization";
        } else {
            log.warn("Webhook of workflow {} refused a call: its header credential is neither api_key nor "
                    + "custom_header", workflowId);
            throw unauthorized();
        }
        String name = (auth.headerName() != null ? auth.headerName() : defaultHeader).toLowerCase(Locale.ROOT);
        String presented = request.header(name);
        if (name.equals("authorization")) {
            // The token travels as "Bearer <token>" in Authorization, as RFC 6750 has it.
            presented = presented != null && presented.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? presented.substring(7).strip() : null;
        }
        require(Signatures.same(presented, token));
        return Set.of(name);
    }

    private static boolean basicMatches(String header, BasicAuthCredential expected) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // Both compared always, so the time does not tell which of the two was wrong.
        boolean user = Signatures.same(decoded.substring(0, colon), expected.username());
        boolean password = Signatures.same(decoded.substring(colon + 1), expected.password());
        return user & password;
    }

    private String signingSecret(String credentialId, UUID workflowId, UUID ownerId) {
        return secret(credentialId, workflowId, ownerId, WebhookSecretCredential.class).secret();
    }

    private <T extends CredentialData> T secret(String credentialId, UUID workflowId, UUID ownerId, Class<T> type) {
        try {
            return vault.resolve(UUID.fromString(credentialId), ownerId, type);
        } catch (IllegalArgumentException | CredentialUnavailableException e) {
            log.warn("Webhook of workflow {} refused a call: its credential {} cannot be used ({})", workflowId,
                    credentialId, e instanceof CredentialUnavailableException c ? c.reason() : "not a UUID");
            throw unauthorized();
        }
    }

    private static void require(boolean ok) {
        if (!ok) {
            throw unauthorized();
        }
    }

    static ApiException unauthorized() {
        return ApiException.unauthorized("webhook_unauthorized",
                "The request does not carry valid credentials or a valid signature for this webhook.");
    }
}
