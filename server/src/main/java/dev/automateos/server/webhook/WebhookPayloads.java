package dev.automateos.server.webhook;

import dev.automateos.server.web.ApiException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a call into the trigger payload {@code {method, headers, query, body}}. Secret-bearing
 * headers keep their name but lose their value, so they never reach execution history.
 */
final class WebhookPayloads {

    static final String REDACTED = "[redacted]";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "x-api-key", WebhookAuthenticator.GITHUB_HEADER, WebhookAuthenticator.STRIPE_HEADER);
    private static final List<String> SECRET_WORDS = List.of("signature", "secret", "token", "password", "api-key",
            "apikey");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WebhookPayloads() {
    }

    /** @param alsoRedact header names (lower case) that carried this webhook's secret */
    static ObjectNode of(IncomingRequest request, Set<String> alsoRedact) {
        ObjectNode payload = NODES.objectNode();
        payload.put("method", request.method());
        ObjectNode headers = payload.putObject("headers");
        request.headers().forEach((name, values) -> headers.put(name,
                isSecret(name, alsoRedact) ? REDACTED : String.join(", ", values)));
        ObjectNode query = payload.putObject("query");
        decodeForm(request.rawQuery(), StandardCharsets.UTF_8).forEach((name, values) ->
                query.put(name, String.join(",", values)));
        payload.set("body", body(request));
        return payload;
    }

    private static boolean isSecret(String name, Set<String> alsoRedact) {
        return SECRET_HEADERS.contains(name) || alsoRedact.contains(name)
                || SECRET_WORDS.stream().anyMatch(name::contains);
    }

    static JsonNode body(IncomingRequest request) {
        byte[] bytes = request.body();
        if (bytes.length == 0) {
            return NODES.nullNode();
        }
        MediaType type = mediaType(request.header("content-type"));
        Charset charset = charset(type);
        if (type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"))) {
            try {
                return JSON.readTree(bytes);
            } catch (JacksonException e) {
                throw ApiException.badRequest("malformed_body", "The body is declared as JSON but is not valid JSON.");
            }
        }
        if (type != null && type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            ObjectNode form = NODES.objectNode();
            decodeForm(new String(bytes, charset), charset).forEach((name, values) -> {
                if (values.size() == 1) {
                    form.put(name, values.getFirst());
                } else {
                    values.forEach(form.putArray(name)::add);
                }
            });
            return form;
        }
        String text = strictText(bytes, charset);
        if (text != null) {
            return NODES.stringNode(text);
        }
        ObjectNode binary = NODES.objectNode();
        binary.put("encoding", "base64");
        binary.put("data", Base64.getEncoder().encodeToString(bytes));
        binary.put("size", bytes.length);
        return binary;
    }

    /** Text when the bytes decode cleanly and hold no NUL; null for binary data. */
    private static String strictText(byte[] bytes, Charset charset) {
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.indexOf('\0') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Names in order of first appearance, each with all its values; a bad escape keeps the raw text. */
    static Map<String, List<String>> decodeForm(String raw, Charset charset) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
            fields.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
        }
        return fields;
    }

    private static String decode(String text, Charset charset) {
        try {
            return URLDecoder.decode(text, charset);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static MediaType mediaType(String header) {
        try {
            return header == null || header.isBlank() ? null : MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    private static Charset charset(MediaType type) {
        try {
            return type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
