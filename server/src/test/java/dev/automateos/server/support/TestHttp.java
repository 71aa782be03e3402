package dev.automateos.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: real requests over loopback, through every filter. */
public final class TestHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public TestHttp(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    public Call post(String path) {
        return call("POST", path);
    }

    public Call put(String path) {
        return call("PUT", path);
    }

    public Call patch(String path) {
        return call("PATCH", path);
    }

    public Call delete(String path) {
        return call("DELETE", path);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static JsonNode parse(String text) {
        return JSON.readTree(text);
    }

    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Sends {@code value} as JSON; a String is sent as it is, so tests can send broken JSON. */
        public Call body(Object value) {
            this.body = value instanceof String s ? s : json(value);
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        public Call body(String contentType, String raw) {
            this.body = raw;
            headers.put("Content-Type", contentType);
            return this;
        }

        public TestResponse send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new TestResponse(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
