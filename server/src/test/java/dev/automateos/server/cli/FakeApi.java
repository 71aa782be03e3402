package dev.automateos.server.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A tiny HTTP server that answers in the documented shapes of the AutomateOS API (problem+json
 * with code and request_id, {items, next_cursor} pages), for endpoints this branch does not serve
 * yet. It records every request so tests can check exactly what the CLI sent.
 */
final class FakeApi implements AutoCloseable {

    record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String body) {
        /** Header names compared ignoring case, as HTTP defines them. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        JsonNode json() {
            return Json.parse(body);
        }
    }

    record Reply(int status, String contentType, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }

        static Reply noContent() {
            return new Reply(204, null, "");
        }

        static Reply problem(int status, String code, String detail) {
            return problem(status, code, detail, "[]");
        }

        static Reply problem(int status, String code, String detail, String errorsJson) {
            String body = "{\"type\":\"urn:automateos:problem:" + code + "\",\"title\":\"Error\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\",\"errors\":" + errorsJson
                    + ",\"request_id\":\"req-" + status + "\"}";
            return new Reply(status, "application/problem+json", body);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private boolean closed;

    FakeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (path without query) with {@code handler}. */
    FakeApi on(String method, String path, Function<Request, Reply> handler) {
        routes.put(method + " " + path, handler);
        return this;
    }

    FakeApi on(String method, String path, Reply reply) {
        return on(method, path, request -> reply);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.rawPath().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        Function<Request, Reply> route = routes.get(request.method() + " " + request.rawPath());
        Reply reply = route != null ? route.apply(request)
                : Reply.problem(404, "not_found", "There is nothing at this address.");
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        }
        exchange.getResponseHeaders().add("X-Request-Id", "req-" + sequence.incrementAndGet());
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
