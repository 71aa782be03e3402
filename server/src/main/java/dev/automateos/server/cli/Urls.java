package dev.automateos.server.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Server addresses, path segments and query strings, escaped so no value can change the request's shape. */
final class Urls {

    static final String DEFAULT = "http://127.0.0.1:8080";

    private Urls() {
    }

    /** The first non-blank of the candidates, checked to be an http(s) URL and stripped of trailing slashes. */
    static String resolve(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return normalize(candidate.trim());
            }
        }
        return DEFAULT;
    }

    static String normalize(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("'" + url + "' is not a valid URL.");
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw CliException.usage("'" + url + "' is not a server address: expected http(s)://host[:port].");
        }
        return url.replaceAll("/+$", "");
    }

    /** True when a password would cross the network unencrypted. */
    static boolean plainHttpToRemote(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost();
        return "http".equalsIgnoreCase(uri.getScheme()) && !(host.equals("localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("::1"));
    }

    /** Percent-encodes one path segment: an id like {@code ../users} stays one segment. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Query query() {
        return new Query();
    }

    static final class Query {
        private final StringJoiner parts = new StringJoiner("&", "?", "").setEmptyValue("");

        Query add(String name, Object value) {
            if (value != null) {
                parts.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
            return this;
        }

        @Override
        public String toString() {
            return parts.toString();
        }
    }
}
