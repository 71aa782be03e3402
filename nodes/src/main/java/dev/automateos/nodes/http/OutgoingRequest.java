package dev.automateos.nodes.http;

import dev.automateos.engine.credential.ApiKeySecret;
import dev.automateos.engine.credential.BasicAuthSecret;
import dev.automateos.engine.credential.HeaderSecret;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.node.CredentialSecret;
import dev.automateos.engine.node.NodeContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/** Renders a config into the {@link HttpRequest} every attempt sends, with the credential applied. */
final class OutgoingRequest {

    private OutgoingRequest() {}

    static HttpRequest build(HttpRequestNode.Config config, NodeContext context, CredentialSecret credential) {
        String query = renderedQuery(config.query(), context);
        if (credential instanceof ApiKeySecret key && key.placement() == ApiKeySecret.Placement.QUERY) {
            query = join(query, encode(key.name()) + "=" + encode(key.token()));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(context.render(config.url()), query))
                .timeout(Duration.ofMillis(config.options().timeoutMs()));
        String contentType = body(builder, config, context);
        config.headers().forEach((name, template) -> header(builder, name, context.render(template), false));
        boolean userSetType = has(config.headers(), "content-type");
        if (contentType != null && !userSetType) {
            builder.setHeader("Content-Type", contentType);
        }
        if (!has(config.headers(), "idempotency-key")) {
            builder.setHeader("Idempotency-Key", context.idempotencyKey());
        }
        applyCredential(builder, credential);
        return builder.build();
    }

    /** A URL that is safe to show: no user info, no query, no fragment. */
    static String display(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    private static URI uri(String rendered, String extraQuery) {
        if (rendered == null || rendered.isBlank()) {
            throw HttpRequestException.invalidRequest("The URL is empty.");
        }
        URI base;
        try {
            base = new URI(rendered.strip());
        } catch (URISyntaxException e) {
            throw HttpRequestException.invalidRequest("The URL is not valid (" + e.getReason() + " at character " + (e.getIndex() + 1)
                    + "). Put values with spaces or special characters in 'query', which encodes them.");
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            throw HttpRequestException.invalidRequest("The URL must be an absolute http or https URL with a host name.");
        }
        if (base.getRawUserInfo() != null) {
            throw HttpRequestException.invalidRequest("The URL must not contain a user name or password; use a basic auth credential.");
        }
        String query = join(base.getRawQuery(), extraQuery);
        String fragmentless = base.getScheme() + "://" + base.getRawAuthority() + (base.getRawPath() == null ? "" : base.getRawPath());
        return URI.create(query == null || query.isEmpty() ? fragmentless : fragmentless + "?" + query);
    }

    private static String renderedQuery(Map<String, dev.automateos.engine.expression.Template<String>> query, NodeContext context) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, template) -> {
            String value = context.render(template);
            if (value != null) {
                joined.add(encode(name) + "=" + encode(value));
            }
        });
        return joined.toString();
    }

    /** Sets the method and body; returns the content type the body implies, or null. */
    private static String body(HttpRequest.Builder builder, HttpRequestNode.Config config, NodeContext context) {
        String method = config.method().name();
        return switch (config.body()) {
            case HttpRequestNode.NoBody none -> {
                builder.method(method, BodyPublishers.noBody());
                yield null;
            }
            case HttpRequestNode.JsonBody json -> {
                JsonNode data = context.render(json.data());
                builder.method(method, BodyPublishers.ofByteArray(EngineJson.mapper().writeValueAsBytes(data)));
                yield "application/json";
            }
            case HttpRequestNode.FormBody form -> {
                StringJoiner fields = new StringJoiner("&");
                form.fields().forEach((name, template) -> {
                    String value = context.render(template);
                    fields.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
                });
                builder.method(method, BodyPublishers.ofString(fields.toString()));
                yield "application/x-www-form-urlencoded";
            }
            case HttpRequestNode.RawBody raw -> {
                String content = context.render(raw.content());
                BodyPublisher publisher = BodyPublishers.ofString(content == null ? "" : content, StandardCharsets.UTF_8);
                builder.method(method, publisher);
                yield raw.contentType();
            }
        };
    }

    private static void applyCredential(HttpRequest.Builder builder, CredentialSecret credential) {
        switch (credential) {
            case null -> { }
            case ApiKeySecret key when key.placement() == ApiKeySecret.Placement.BEARER ->
                    header(builder, "Authorization", "Bearer " + key.token(), true);
            case ApiKeySecret key when key.placement() == ApiKeySecret.Placement.HEADER ->
                    header(builder, key.name(), key.token(), true);
            case ApiKeySecret key -> { } // query placement: already in the URL
            case BasicAuthSecret basic -> header(builder, "Authorization", basic.authorizationHeader(), true);
            case HeaderSecret header -> header(builder, header.headerName(), header.headerValue(), true);
            default -> throw HttpRequestException.invalidRequest("The credential is of a kind the HTTP Request node cannot use ("
                    + credential.getClass().getSimpleName() + "); use an API key, basic auth or custom header credential.");
        }
    }

    private static void header(HttpRequest.Builder builder, String name, String value, boolean secret) {
        try {
            builder.setHeader(name, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            // The JDK's message may quote the value; never pass it on.
            String what = secret ? "The credential's header '" + name + "'" : "The header '" + name + "'";
            boolean restricted = e.getMessage() != null && e.getMessage().contains("restricted");
            throw HttpRequestException.invalidRequest(what + (restricted
                    ? " cannot be set: the HTTP client sets it itself."
                    : " has an invalid name or value (line breaks and control characters are not allowed)."));
        }
    }

    private static boolean has(Map<String, ?> headers, String name) {
        return headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        return b == null || b.isEmpty() ? a : a + "&" + b;
    }

    /** Query encoding: like a form, but a space is %20, which every server reads the same way. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
