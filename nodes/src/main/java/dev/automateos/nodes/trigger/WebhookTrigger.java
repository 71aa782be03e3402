package dev.automateos.nodes.trigger;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
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
     */
    public record Config(
            @Ui(description = "Optional custom path: lower-case segments separated by '/'. Empty uses the workflow id.",
                    placeholder = "orders/new")
            @Size(max = 200)
            @Pattern(regexp = "^[a-z0-9][a-z0-9_-]{0,62}(/[a-z0-9][a-z0-9_-]{0,62}){0,4}$")
            String path,
            @Ui(description = "HTTP methods that start the workflow.") @Size(min = 1, max = 5) List<Method> methods,
            @Ui(description = "'immediate' answers 202 when the run is queued; 'when_finished' waits for the result.")
            ResponseMode responseMode) {

        public Config {
            methods = methods == null ? List.of(Method.POST) : List.copyOf(methods);
            responseMode = responseMode == null ? ResponseMode.IMMEDIATE : responseMode;
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
