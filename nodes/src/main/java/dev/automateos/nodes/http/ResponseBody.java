package dev.automateos.nodes.http;

import dev.automateos.engine.json.EngineJson;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Turns a response's bytes and headers into the JSON the result holds. */
final class ResponseBody {

    /** Response headers whose values are session secrets of their own; the name stays, the value does not. */
    private static final java.util.Set<String> SECRET_HEADERS = java.util.Set.of("set-cookie", "set-cookie2");
    static final String REDACTED = "[redacted]";

    private ResponseBody() {}

    /** Null when there is no body; JSON or text per the format. Throws HttpRequestException for bad JSON in json format. */
    static JsonNode parse(Exchange exchange, HttpRequestNode.ResponseFormat format) {
        if (exchange.body().length == 0) {
            return null;
        }
        String contentType = exchange.header("content-type");
        String text = new String(exchange.body(), charset(contentType));
        boolean json = switch (format) {
            case JSON -> true;
            case TEXT -> false;
            case AUTO -> isJson(contentType);
        };
        if (!json) {
            return JsonNodeFactory.instance.stringNode(text);
        }
        try {
            return EngineJson.mapper().readTree(text);
        } catch (JacksonException e) {
            if (format == HttpRequestNode.ResponseFormat.AUTO) {
                return JsonNodeFactory.instance.stringNode(text);
            }
            throw HttpRequestException.invalidResponse("invalid_json", "The response is not valid JSON (" + location(e)
                    + "); set options.response_format to text or auto to keep it as text.", exchange.status());
        }
    }

    static Map<String, String> headers(Exchange exchange) {
        Map<String, String> headers = new TreeMap<>();
        exchange.headers().map().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (!key.startsWith(":")) {
                headers.merge(key, SECRET_HEADERS.contains(key) ? REDACTED : String.join(", ", values),
                        (a, b) -> SECRET_HEADERS.contains(key) ? REDACTED : a + ", " + b);
            }
        });
        return headers;
    }

    /** The start of the body as text, for an error message. */
    static String excerpt(Exchange exchange, int max) {
        String text = new String(exchange.body(), charset(exchange.header("content-type"))).strip();
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.strip();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (RuntimeException unknown) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "it does not parse"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
