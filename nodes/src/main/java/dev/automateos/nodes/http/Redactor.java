package dev.automateos.nodes.http;

import dev.automateos.engine.credential.ApiKeySecret;
import dev.automateos.engine.credential.BasicAuthSecret;
import dev.automateos.engine.credential.HeaderSecret;
import dev.automateos.engine.node.CredentialSecret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes a credential's values from what a step keeps: the response (servers such as echo services
 * send request headers back), log lines and error messages. Values shorter than four characters are
 * left alone: replacing every "ab" in a response would wreck it, and such a value protects nothing.
 */
final class Redactor {

    static final String MASK = "****";
    private static final int SHORTEST = 4;

    private final List<String> secrets;

    private Redactor(Set<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s.length() >= SHORTEST)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    static Redactor of(CredentialSecret credential) {
        Set<String> values = new LinkedHashSet<>();
        switch (credential) {
            case ApiKeySecret key -> values.add(key.token());
            case BasicAuthSecret basic -> {
                values.add(basic.password());
                values.add(basic.authorizationHeader().substring("Basic ".length()));
            }
            case HeaderSecret header -> values.add(header.headerValue());
            case null, default -> { }
        }
        // The URL-encoded forms are what appear when a server echoes the query string.
        for (String value : Set.copyOf(values)) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            values.add(encoded);
            values.add(encoded.replace("+", "%20"));
        }
        return new Redactor(values);
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    JsonNode scrub(JsonNode node) {
        if (secrets.isEmpty() || node == null) {
            return node;
        }
        if (node.isString()) {
            return JsonNodeFactory.instance.stringNode(scrub(node.stringValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> copy.set(scrub(e.getKey()), scrub(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(v -> copy.add(scrub(v)));
            return copy;
        }
        return node;
    }

    Map<String, String> scrub(Map<String, String> headers) {
        if (secrets.isEmpty()) {
            return headers;
        }
        Map<String, String> copy = new java.util.TreeMap<>();
        headers.forEach((k, v) -> copy.put(k, scrub(v)));
        return copy;
    }
}
