package dev.automateos.nodes.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.automateos.engine.expression.Template;
import dev.automateos.engine.http.Backoff;
import dev.automateos.engine.node.CredentialSecret;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code http.request@1}: sends one HTTP request through the engine's guarded client and returns
 * the status, headers and body. Retries connect errors, 5xx and 429 with exponential backoff and
 * full jitter (honouring {@code Retry-After}), sending the step's idempotency key on every attempt.
 * Credential values never reach the result, the log or an error message.
 */
public final class HttpRequestNode implements NodeType<HttpRequestNode.Config, HttpRequestNode.Result> {

    static final int MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

    private static final NodeSpec SPEC = NodeSpec.action("http.request", 1, "HTTP Request",
            "Calls an HTTP API: any method, query, headers, a JSON, form or raw body, and a credential from the vault.",
            "core");

    public record Config(
            @Ui(description = "HTTP method.") Method method,
            @Ui(description = "http or https URL. Put query parameters in 'query' so they are encoded.",
                    placeholder = "https://api.example.com/v1/items")
            @NotNull Template<String> url,
            @Ui(description = "Query parameters, added to the URL encoded. A value that renders to null is left out.")
            @Size(max = 100) Map<String, Template<String>> query,
            @Ui(description = "Request headers. A credential's header replaces one of the same name.")
            @Size(max = 100) Map<String, Template<String>> headers,
            @Ui(description = "The request body: none, JSON, form fields or raw text.") Body body,
            @Ui(description = "A credential from the vault (API key, basic auth or custom header), applied by its kind.")
            @Size(min = 1, max = 100) String credentialId,
            Options options) {

        public Config {
            method = method == null ? Method.GET : method;
            query = ordered(query);
            headers = ordered(headers);
            body = body == null ? new NoBody() : body;
            options = options == null ? new Options(null, null, null, null, null) : options;
        }
    }

    public enum Method { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS }

    /** The body alternatives; {@code type} picks one, and the schema shows them as {@code oneOf}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = NoBody.class, name = "none"),
        @JsonSubTypes.Type(value = JsonBody.class, name = "json"),
        @JsonSubTypes.Type(value = FormBody.class, name = "form"),
        @JsonSubTypes.Type(value = RawBody.class, name = "raw")})
    public sealed interface Body permits NoBody, JsonBody, FormBody, RawBody {}

    /** No body. */
    public record NoBody() implements Body {}

    /** A JSON document, sent as {@code application/json}. */
    public record JsonBody(@Ui(description = "Any JSON; usually one expression, e.g. {{ $input }}.",
            placeholder = "{{ {\"title\": $input.title} }}", widget = Ui.Widget.CODE)
                           @NotNull Template<JsonNode> data) implements Body {}

    /** Form fields, sent as {@code application/x-www-form-urlencoded}. */
    public record FormBody(@Ui(description = "Field name -> value.") @NotNull @Size(max = 200)
                           Map<String, Template<String>> fields) implements Body {
        public FormBody {
            fields = ordered(fields);
        }
    }

    /** Text sent as it is, with its content type. */
    public record RawBody(@Ui(widget = Ui.Widget.TEXTAREA) @NotNull Template<String> content,
                          @Ui(description = "Content-Type of the body.") @Size(min = 1, max = 200) String contentType)
            implements Body {
        public RawBody {
            contentType = contentType == null ? "text/plain; charset=utf-8" : contentType;
        }
    }

    /**
     * @param timeoutMs        per attempt, until the whole response is read
     * @param responseFormat   how the body is returned
     * @param maxResponseBytes a larger response fails the step (no silent truncation)
     * @param failOnNon_2xx    whether a final status outside 200-299 fails the step (the underscore gives the
     *                         JSON name fail_on_non_2xx)
     */
    public record Options(
            @Ui(description = "Timeout of one attempt, in milliseconds, until the whole response is read.")
            @Min(1) @Max(300_000) Integer timeoutMs,
            @Ui(description = "auto: JSON when the response says so, text otherwise.") ResponseFormat responseFormat,
            @Ui(description = "A larger response fails the step.") @Min(1) @Max(MAX_RESPONSE_BYTES) Integer maxResponseBytes,
            @Ui(description = "Fail the step when the final status is not 2xx.") Boolean failOnNon_2xx,
            Retry retry) {

        public Options {
            timeoutMs = timeoutMs == null ? 30_000 : timeoutMs;
            responseFormat = responseFormat == null ? ResponseFormat.AUTO : responseFormat;
            maxResponseBytes = maxResponseBytes == null ? 5 * 1024 * 1024 : maxResponseBytes;
            failOnNon_2xx = failOnNon_2xx == null ? Boolean.TRUE : failOnNon_2xx;
            retry = retry == null ? new Retry(null, null, null, null) : retry;
        }
    }

    public enum ResponseFormat {
        @JsonProperty("auto") AUTO,
        @JsonProperty("json") JSON,
        @JsonProperty("text") TEXT
    }

    /**
     * @param maxAttempts    1 means no retry
     * @param initialDelayMs ceiling of the first delay; doubles per retry
     * @param maxDelayMs     ceiling of every delay, also of a server's Retry-After
     * @param retryOn        which failures are retried
     */
    public record Retry(
            @Ui(description = "Attempts in all, including the first. 1 turns retries off.") @Min(1) @Max(10) Integer maxAttempts,
            @Min(0) @Max(60_000) Integer initialDelayMs,
            @Ui(description = "Longest wait between attempts; also caps the server's Retry-After.")
            @Min(0) @Max(300_000) Integer maxDelayMs,
            @Size(max = 4) List<RetryOn> retryOn) {

        public Retry {
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            initialDelayMs = initialDelayMs == null ? 500 : initialDelayMs;
            maxDelayMs = maxDelayMs == null ? 30_000 : maxDelayMs;
            retryOn = retryOn == null
                    ? List.of(RetryOn.CONNECT_ERROR, RetryOn.SERVER_ERROR, RetryOn.RATE_LIMITED)
                    : List.copyOf(retryOn);
        }

        Backoff backoff() {
            return new Backoff(Duration.ofMillis(initialDelayMs), Duration.ofMillis(maxDelayMs));
        }
    }

    public enum RetryOn {
        /** The connection could not be opened (refused, connect timeout). Nothing reached the server. */
        @JsonProperty("connect_error") CONNECT_ERROR,
        /** A 5xx status. */
        @JsonProperty("server_error") SERVER_ERROR,
        /** A 429 status. */
        @JsonProperty("rate_limited") RATE_LIMITED,
        /** No full response within the timeout. Off by default: the server may have acted. */
        @JsonProperty("timeout") TIMEOUT
    }

    /**
     * @param status     the final status
     * @param headers    response headers, names in lower case, repeated values joined with ", ";
     *                   {@code set-cookie} is redacted
     * @param body       parsed JSON, text, or null when there is none
     * @param durationMs from the first attempt to the end of the last, waits included
     * @param attempts   how many requests were sent
     */
    public record Result(int status, Map<String, String> headers, JsonNode body, long durationMs, int attempts) {}

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
        CredentialSecret credential = config.credentialId() == null
                ? null : context.credential(config.credentialId(), CredentialSecret.class);
        Redactor redactor = Redactor.of(credential);
        HttpRequest request = OutgoingRequest.build(config, context, credential);
        return new Attempts(config.options(), context, redactor).run(request);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
