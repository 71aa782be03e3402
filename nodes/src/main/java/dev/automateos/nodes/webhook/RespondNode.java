package dev.automateos.nodes.webhook;

import dev.automateos.engine.expression.Template;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeFailure;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code webhook.respond@1}: describes the answer to the webhook request that started the run (for
 * the {@code when_finished} response mode). Its result is the response: status, headers and body;
 * the webhook runner sends it. A body is JSON unless {@code content_type} names another type, in
 * which case the rendered body is sent as text.
 */
public final class RespondNode implements NodeType<RespondNode.Config, RespondNode.Result> {

    /** Headers the HTTP server owns, or that would break the connection or the message framing. */
    static final Set<String> FORBIDDEN = Set.of("connection", "content-length", "transfer-encoding", "keep-alive",
            "proxy-connection", "te", "trailer", "upgrade", "host", "content-type", "date", "server");

    private static final String JSON = "application/json";
    private static final String TOKEN = "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$";

    private static final NodeSpec SPEC = NodeSpec.action("webhook.respond", 1, "Respond to webhook",
            "Sets the status, headers and body of the answer to the webhook call.", "webhook");

    public record Config(
            @Ui(description = "HTTP status, 100-599.") @Min(100) @Max(599) Integer status,
            @Ui(description = "Extra response headers; values may use expressions.")
            @Size(max = 50) Map<String, Template<String>> headers,
            @Ui(description = "The body. JSON by default; text when content_type is not JSON.", widget = Ui.Widget.CODE)
            Template<JsonNode> body,
            @Ui(description = "Media type of the body, e.g. text/plain or text/html. Default application/json.")
            @Size(max = 200) @Pattern(regexp = "^[a-zA-Z0-9!#$&^_.+-]+/[a-zA-Z0-9!#$&^_.+-]+(\\s*;.*)?$") String contentType) {

        public Config {
            status = status == null ? 200 : status;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            contentType = contentType == null ? JSON : contentType;
        }
    }

    /**
     * The response to send.
     *
     * @param headers header names in lower case, {@code content-type} included when there is a body
     * @param body    JSON to send as is, or (for a text content type) a string sent as text; null for no body
     */
    public record Result(int status, Map<String, String> headers, JsonNode body) {}

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
        Map<String, String> headers = new TreeMap<>();
        config.headers().forEach((name, template) -> headers.put(checkedName(name), checkedValue(name, context.render(template))));
        JsonNode body = config.body() == null ? null : context.render(config.body());
        if (body != null && !isJson(config.contentType())) {
            body = JsonNodeFactory.instance.stringNode(body.isString() ? body.stringValue() : body.toString());
        }
        if (body != null) {
            headers.put("content-type", config.contentType());
        }
        return new Result(config.status(), headers, body);
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return type.equals(JSON) || type.endsWith("+json");
    }

    private static String checkedName(String name) {
        if (!name.matches(TOKEN)) {
            throw NodeFailure.permanent("invalid_header", "'" + name + "' is not a valid header name: use letters, "
                    + "digits and - (at most 100 characters).");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (FORBIDDEN.contains(lower)) {
            throw NodeFailure.permanent("forbidden_header", "The header '" + name + "' cannot be set: "
                    + (lower.equals("content-type") ? "use content_type." : "the server sets it."));
        }
        return lower;
    }

    private static String checkedValue(String name, String value) {
        String text = value == null ? "" : value;
        if (text.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw NodeFailure.permanent("invalid_header", "The value of header '" + name
                    + "' contains a line break, which would split the response.");
        }
        if (text.length() > 8_000) {
            throw NodeFailure.permanent("invalid_header", "The value of header '" + name + "' is longer than 8000 characters.");
        }
        return text;
    }
}
