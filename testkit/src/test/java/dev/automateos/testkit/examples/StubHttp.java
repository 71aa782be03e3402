package dev.automateos.testkit.examples;

import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.node.OutboundHttp;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLSession;
import tools.jackson.databind.JsonNode;

/**
 * The outside world of an example run: answers each request with the next scripted exchange, after
 * checking that the request is the one the script expects. Nothing touches the network.
 */
final class StubHttp implements OutboundHttp {

    /** One scripted exchange: what the node must send, and what it gets back. */
    record Exchange(String method, String url, JsonNode requestBody, int status, JsonNode body) {
    }

    private final Deque<Exchange> script;
    private final List<String> mismatches = new ArrayList<>();

    StubHttp(List<Exchange> script) {
        this.script = new ArrayDeque<>(script);
    }

    @Override
    public HttpResponse<InputStream> send(HttpRequest request) {
        Exchange next = script.pollFirst();
        if (next == null) {
            throw new IllegalStateException("Unscripted request " + request.method() + " " + request.uri());
        }
        if (!next.method().equals(request.method()) || !URI.create(next.url()).equals(request.uri())) {
            mismatches.add("expected " + next.method() + " " + next.url() + ", got " + request.method() + " "
                    + request.uri());
        }
        if (next.requestBody() != null) {
            JsonNode sent = EngineJson.mapper().readTree(bodyOf(request));
            if (!next.requestBody().equals(sent)) {
                mismatches.add("expected body " + next.requestBody() + ", got " + sent);
            }
        }
        byte[] body = EngineJson.mapper().writeValueAsString(next.body()).getBytes(StandardCharsets.UTF_8);
        return new Response(request, next.status(), body);
    }

    /** Every way the requests differed from the script, and scripted exchanges never asked for. */
    List<String> problems() {
        List<String> problems = new ArrayList<>(mismatches);
        script.forEach(left -> problems.add("never requested: " + left.method() + " " + left.url()));
        return problems;
    }

    private static String bodyOf(HttpRequest request) {
        var publisher = request.bodyPublisher().orElseThrow();
        var collected = new java.io.ByteArrayOutputStream();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                collected.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable throwable) {
                throw new IllegalStateException(throwable);
            }

            @Override
            public void onComplete() {
            }
        });
        return collected.toString(StandardCharsets.UTF_8);
    }

    private record Response(HttpRequest request, int statusCode, byte[] bytes) implements HttpResponse<InputStream> {

        @Override
        public Optional<HttpResponse<InputStream>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
