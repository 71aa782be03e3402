package dev.automateos.nodes.trigger;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code trigger.webhook@1}: starts a workflow when an HTTP request arrives at the workflow's
 * webhook URL. The server turns the request into the payload {@code {method, headers, query, body}}
 * (header names in lower case); this node checks the method and passes the rest on as
 * {@code $trigger}.
 */
public final class WebhookTrigger implements NodeType<WebhookTrigger.Config, WebhookTrigger.Result> {

    private static final NodeSpec SPEC = NodeSpec.trigger("trigger.webhook", 1, "Webhook",
            "Starts the workflow when an HTTP request arrives at its webhook URL.");

    /**
     * @param path         optional custom path under the webhook base URL
     * @param methods      HTTP methods accepted; others are refused before a run starts
     * @param responseMode answer at once (202), or wait for the run and answer with its result
     * @param auth         how a caller proves it may start the workflow; checked by the server before a run starts
     */
    public record Config(
            @Ui(description = "Optional custom path: lower-case segments separated by '/'. Empty uses the workflow id.",
                    placeholder = "orders/new")
            @Size(max = 200)
            @Pattern(regexp = "^[a-z0-9][a-z0-9_-]{0,62}(/[a-z0-9][a-z0-9_-]{0,62}){0,4}$")
            String path,
            @Ui(description = "HTTP methods that start the workflow.") @Size(min = 1, max = 5) List<Method> methods,
            @Ui(description = "'immediate' answers 202 when the run is queued; 'when_finished' waits for the result.")
            ResponseMode responseMode,
            @Ui(description = "How callers authenticate: none, a header token, basic auth, or a GitHub or Stripe "
                    + "HMAC signature over the raw body. Secrets come from a credential.")
            Auth auth) {

        public Config {
            methods = methods == null ? List.of(Method.POST) : List.copyOf(methods);
            responseMode = responseMode == null ? ResponseMode.IMMEDIATE : responseMode;
            auth = auth == null ? new NoAuth() : auth;
        }
    }

    /** The authentication alternatives; {@code type} picks one, and the schema shows them as {@code oneOf}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = NoAuth.class, name = "none"),
        @JsonSubTypes.Type(value = HeaderAuth.class, name = "header"),
        @JsonSubTypes.Type(value = BasicAuth.class, name = "basic"),
        @JsonSubTypes.Type(value = GithubSignature.class, name = "hmac_github"),
        @JsonSubTypes.Type(value = StripeSignature.class, name = "hmac_stripe")})
    public sealed interface Auth permits NoAuth, HeaderAuth, BasicAuth, GithubSignature, StripeSignature {}

    /** Anyone who knows the URL may call it. */
    public record NoAuth() implements Auth {}

    /** A secret token in a request header, from an {@code api_key} or {@code custom_header} credential. */
    public record HeaderAuth(
            @Ui(description = "An api_key or custom_header credential holding the expected token.")
            @NotNull @Size(min = 1, max = 100) String credentialId,
            @Ui(description = "The header that carries the token. Default: the credential's header name, or "
                    + "Authorization (as 'Bearer <token>').", placeholder = "X-Webhook-Token")
            @Size(min = 1, max = 100) @Pattern(regexp = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$") String headerName)
            implements Auth {}

    /** HTTP Basic authentication against a {@code basic_auth} credential. */
    public record BasicAuth(
            @Ui(description = "A basic_auth credential with the expected user name and password.")
            @NotNull @Size(min = 1, max = 100) String credentialId) implements Auth {}

    /** GitHub's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}. */
    public record GithubSignature(
            @Ui(description = "A webhook_secret credential holding the secret set at GitHub.")
            @NotNull @Size(min = 1, max = 100) String credentialId) implements Auth {}

    /** Stripe's {@code Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body">}, within a tolerance. */
    public record StripeSignature(
            @Ui(description = "A webhook_secret credential holding the endpoint's signing secret (whsec_...).")
            @NotNull @Size(min = 1, max = 100) String credentialId,
            @Ui(description = "How far the signed timestamp may be from now, in seconds.")
            @Min(1) @Max(86_400) Integer toleranceSeconds) implements Auth {

        public StripeSignature {
            toleranceSeconds = toleranceSeconds == null ? 300 : toleranceSeconds;
        }
    }

    public enum Method { GET, POST, PUT, PATCH, DELETE }

    public enum ResponseMode {
        @JsonProperty("immediate") IMMEDIATE,
        @JsonProperty("when_finished") WHEN_FINISHED
    }

    /** What {@code $trigger} holds. */
    public record Result(String method, Map<String, String> headers, Map<String, String> query, JsonNode body) {}

    @Override
    public NodeSpec spec() {
        return SPEC;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Result execute(Config config, NodeContext context) {
        JsonNode request = context.input();
        String method = request.path("method").asString("POST").toUpperCase(Locale.ROOT);
        if (config.methods().stream().noneMatch(m -> m.name().equals(method))) {
            throw new IllegalArgumentException("This webhook accepts " + config.methods() + ", not " + method + ".");
        }
        JsonNode body = request.get("body");
        return new Result(method, strings(request.path("headers"), true), strings(request.path("query"), false),
                body == null || body.isNull() ? null : body);
    }

    private static Map<String, String> strings(JsonNode object, boolean lowerCaseKeys) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(e -> values.put(
                lowerCaseKeys ? e.getKey().toLowerCase(Locale.ROOT) : e.getKey(),
                e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString()));
        return values;
    }
}
