package dev.automateos.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Each auth mode: the right proof starts a run; a wrong or missing one answers 401 and starts nothing. */
class WebhookAuthTest extends WebhookTestSupport {

    private static final String BODY = "{\"id\": 7, \"amount\": 20}";

    @Test
    void headerTokenFromACustomHeaderCredential() {
        var user = newUser(Role.USER);
        UUID cred = credential(user, "custom_header", "{\"header_name\": \"X-Hook-Token\", \"header_value\": \"s3cret-value\"}");
        UUID workflow = activeWorkflow(user, document(auth("{\"type\": \"header\", \"credential_id\": \"" + cred + "\"}")));
        String url = path(user, workflow, "url");

        refused(http.post(url).body(BODY).send(), workflow);
        refused(http.post(url).header("X-Hook-Token", "s3cret-valuE").body(BODY).send(), workflow);
        UUID execution = accepted(http.post(url).header("X-Hook-Token", "s3cret-value").body(BODY).send());

        assertThat(executions(workflow)).isEqualTo(1);
        assertThat(executionState(execution)).doesNotContain("s3cret-value");
    }

    @Test
    void headerTokenFromAnApiKeyAsBearer() {
        var user = newUser(Role.USER);
        UUID cred = credential(user, "api_key", "{\"token\": \"tok-123456\", \"placement\": \"bearer\"}");
        UUID workflow = activeWorkflow(user, document(auth("{\"type\": \"header\", \"credential_id\": \"" + cred + "\"}")));
        String url = path(user, workflow, "url");

        refused(http.post(url).header("Authorization", "Bearer tok-1234567").body(BODY).send(), workflow);
        refused(http.post(url).header("Authorization", "tok-123456").body(BODY).send(), workflow);
        UUID execution = accepted(http.post(url).header("Authorization", "Bearer tok-123456").body(BODY).send());

        assertThat(executionState(execution)).doesNotContain("tok-123456");
    }

    @Test
    void headerTokenWithAnExplicitHeaderName() {
        var user = newUser(Role.USER);
        UUID cred = credential(user, "api_key", "{\"token\": \"abc-token\", \"placement\": \"bearer\"}");
        UUID workflow = activeWorkflow(user, document(auth("{\"type\": \"header\", \"credential_id\": \"" + cred
                + "\", \"header_name\": \"X-Shared\"}")));
        String url = path(user, workflow, "url");

        refused(http.post(url).header("Authorization", "Bearer abc-token").body(BODY).send(), workflow);
        UUID execution = accepted(http.post(url).header("X-Shared", "abc-token").body(BODY).send());

        assertThat(executionState(execution)).doesNotContain("abc-token");
    }

    @Test
    void basicAuth() {
        var user = newUser(Role.USER);
        UUID cred = credential(user, "basic_auth", "{\"username\": \"shop\", \"password\": \"pa:ss word\"}");
        UUID workflow = activeWorkflow(user, document(auth("{\"type\": \"basic\", \"credential_id\": \"" + cred + "\"}")));
        String url = path(user, workflow, "url");

        refused(http.post(url).body(BODY).send(), workflow);
        refused(http.post(url).header("Authorization", basic("shop", "pa:ss wore")).body(BODY).send(), workflow);
        refused(http.post(url).header("Authorization", basic("shopx", "pa:ss word")).body(BODY).send(), workflow);
        refused(http.post(url).header("Authorization", "Basic !!!").body(BODY).send(), workflow);
        accepted(http.post(url).header("Authorization", basic("shop", "pa:ss word")).body(BODY).send());
    }

    @Test
    void githubSignatureOverTheRawBody() {
        var user = newUser(Role.USER);
        UUID cred = credential(user, "webhook_secret", "{\"secret\": \"It's a Secret to Everybody\"}");
        UUID workflow = activeWorkflow(user, document(auth("{\"type\": \"hmac_github\", \"credential_id\": \"" + cred + "\"}")));
        String url = path(user, workflow, "url");
        String signature = "sha256=" + hmac("It's a Secret to Everybody", BODY);

        refused(http.post(url).body(BODY).send(), workflow);
        refused(http.post(url).header("X-Hub-Signature-256", signature).body(BODY.replace("20", "21")).send(), workflow);
        refused(http.post(url).header("X-Hub-Signature-256", "sha256=" + hmac("wrong", BODY)).body(BODY).send(), workflow);
        UUID execution = accepted(http.post(url).header("X-Hub-Signature-256", signature).body(BODY).send());

        assertThat(executionState(execution)).doesNotContain(signature.substring(7));
    }

    @Test
    void githubsDocumentedExampleSignatureVerifies() {
        // From GitHub's "Validating webhook deliveries": secret, payload and the signature they publish.
        assertThat("sha256=" + Signatures.hmacSha256Hex("It's a Secret to Everybody",
                "Hello, World!".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void stripeSignatureWithinTheTolerance() {
        var user = newUser(Role.USER);
        UUID cred = credential(user, "webhook_secret", "{\"secret\": \"whsec_test_secret\"}");
        UUID workflow = activeWorkflow(user, document(auth("{\"type\": \"hmac_stripe\", \"credential_id\": \"" + cred
                + "\", \"tolerance_seconds\": 300}")));
        String url = path(user, workflow, "url");
        long now = Instant.now().getEpochSecond();
        String good = stripe(now, "whsec_test_secret", BODY);

        refused(http.post(url).body(BODY).send(), workflow);
        refused(http.post(url).header("Stripe-Signature", stripe(now, "whsec_other", BODY)).body(BODY).send(), workflow);
        refused(http.post(url).header("Stripe-Signature", stripe(now - 301, "whsec_test_secret", BODY)).body(BODY)
                .send(), workflow);
        refused(http.post(url).header("Stripe-Signature", stripe(now + 400, "whsec_test_secret", BODY)).body(BODY)
                .send(), workflow);
        refused(http.post(url).header("Stripe-Signature", good.replace("t=" + now, "t=" + (now - 1))).body(BODY)
                .send(), workflow);
        // While a secret is rolled Stripe sends one v1 per secret; one match is enough.
        accepted(http.post(url).header("Stripe-Signature", "t=" + now + ",v1=" + hmac("whsec_old", now + "." + BODY)
                + ",v1=" + hmac("whsec_test_secret", now + "." + BODY) + ",v0=ignored").body(BODY).send());
    }

    @Test
    void aMissingOrForeignCredentialRefusesEveryCall() {
        var owner = newUser(Role.USER);
        var other = newUser(Role.USER);
        UUID foreign = credential(other, "webhook_secret", "{\"secret\": \"theirs\"}");
        UUID workflow = activeWorkflow(owner, document(auth("{\"type\": \"hmac_github\", \"credential_id\": \""
                + foreign + "\"}")));
        UUID missing = activeWorkflow(owner, document(auth("{\"type\": \"basic\", \"credential_id\": \""
                + UUID.randomUUID() + "\"}")));

        refused(http.post(path(owner, workflow, "url")).header("X-Hub-Signature-256", "sha256=" + hmac("theirs", BODY))
                .body(BODY).send(), workflow);
        refused(http.post(path(owner, missing, "url")).header("Authorization", basic("a", "b")).body(BODY).send(),
                missing);
    }

    @Test
    void theTestUrlChecksAuthenticationToo() {
        var user = newUser(Role.USER);
        UUID cred = credential(user, "custom_header", "{\"header_name\": \"X-Hook-Token\", \"header_value\": \"t-1\"}");
        UUID workflow = create(user, document(auth("{\"type\": \"header\", \"credential_id\": \"" + cred + "\"}")));

        refused(http.post(path(user, workflow, "test_url")).body(BODY).send(), workflow);
        accepted(http.post(path(user, workflow, "test_url")).header("X-Hook-Token", "t-1").body(BODY).send());
    }

    private static String auth(String auth) {
        return "{\"auth\": " + auth + "}";
    }

    private void refused(dev.automateos.server.support.TestResponse response, UUID workflow) {
        response.expectProblem(401, "webhook_unauthorized");
        assertThat(executions(workflow)).isZero();
    }

    private static UUID accepted(dev.automateos.server.support.TestResponse response) {
        return UUID.fromString(response.expectStatus(202).json().path("execution_id").asString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Stripe's documented scheme: v1 = hex HMAC-SHA256(secret, "{t}.{raw body}"). */
    private static String stripe(long timestamp, String secret, String body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
    }

    private static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
