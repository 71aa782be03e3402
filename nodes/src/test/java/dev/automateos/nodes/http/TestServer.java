package dev.automateos.nodes.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.automateos.engine.json.EngineJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real HTTP server on 127.0.0.1 with scripted answers per path. Unscripted paths echo the request
 * as JSON ({@code method, query, headers, body}), the way echo services such as httpbin do.
 */
final class TestServer implements AutoCloseable {

    /** What the server received. */
    record Received(String method, String path, String rawQuery, Headers headers, String body) {}

    @FunctionalInterface
    interface Responder {
        /** @param call 1 for the first request to this path */
        void respond(HttpExchange exchange, int call) throws IOException;
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    TestServer(String ip) throws IOException {
        server = HttpServer.create(new InetSocketAddress(ip, 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    TestServer on(String path, Responder responder) {
        responders.put(path, responder);
        return this;
    }

    String url(String pathAndQuery) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + pathAndQuery;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body));
            int call = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Responder responder = responders.get(path);
            if (responder != null) {
                responder.respond(exchange, call);
            } else {
                echo(exchange, body);
            }
        }
    }

    private static void echo(HttpExchange exchange, String body) throws IOException {
        ObjectNode echo = EngineJson.mapper().createObjectNode();
        echo.put("method", exchange.getRequestMethod());
        echo.put("query", exchange.getRequestURI().getRawQuery());
        ObjectNode headers = echo.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(", ", values)));
        echo.put("body", body);
        reply(exchange, 200, "application/json", echo.toString());
    }

    /** Sends a complete response; extra headers as name, value pairs. */
    static void reply(HttpExchange exchange, int status, String contentType, String body, String... headers)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean noBody = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
