package dev.automateos.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.automateos.engine.node.OutboundRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against real HTTP servers on 127.0.0.1 and 127.0.0.2 (another origin on the same machine). */
class GuardedHttpClientTest {

    /** What a server received. */
    record Received(String method, String path, Headers headers, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer home;
    private HttpServer other;
    private GuardedHttpClient client;

    @BeforeEach
    void start() throws IOException {
        home = server("127.0.0.1");
        other = server("127.0.0.2");
        client = new GuardedHttpClient(OutboundPolicy.defaults());
    }

    @AfterEach
    void stop() {
        client.close();
        home.stop(0);
        other.stop(0);
    }

    private HttpServer server(String ip) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(ip, 0), 0);
        server.createContext("/", this::handle);
        server.start();
        return server;
    }

    /** {@code /redirect/<status>?to=<url>} redirects; everything else answers 200 with the path. */
    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body));
        if (path.startsWith("/redirect/")) {
            String query = exchange.getRequestURI().getRawQuery();
            exchange.getResponseHeaders().add("Location",
                    java.net.URLDecoder.decode(query.substring("to=".length()), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(Integer.parseInt(path.substring("/redirect/".length())), -1);
        } else {
            byte[] out = ("reached " + path).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }

    private String url(HttpServer server, String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    private String redirect(int status, String to) {
        return url(home, "/redirect/" + status + "?to=" + java.net.URLEncoder.encode(to, StandardCharsets.UTF_8));
    }

    private static String body(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer secret-token")
                .header("X-Api-Key", "secret-key")
                .header("Idempotency-Key", "run-1:node")
                .header("Accept", "application/json");
    }

    @Test
    void followsARedirectOnTheSameOriginKeepingHeaders() throws Exception {
        HttpResponse<InputStream> response = client.send(request(redirect(302, "/final")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).isEqualTo("reached /final");
        Received last = received.getLast();
        assertThat(last.headers().getFirst("Authorization")).isEqualTo("Bearer secret-token");
        assertThat(last.headers().getFirst("X-Api-Key")).isEqualTo("secret-key");
        assertThat(last.headers().getFirst("User-Agent")).isEqualTo("AutomateOS");
    }

    @Test
    void dropsCredentialHeadersWhenARedirectLeavesTheOrigin() throws Exception {
        HttpResponse<InputStream> response = client.send(request(redirect(307, url(other, "/elsewhere"))).build());

        assertThat(body(response)).isEqualTo("reached /elsewhere");
        Received last = received.getLast();
        assertThat(last.headers().containsKey("Authorization")).isFalse();
        assertThat(last.headers().containsKey("X-Api-Key")).isFalse();
        assertThat(last.headers().getFirst("Idempotency-Key")).isEqualTo("run-1:node");
        assertThat(last.headers().getFirst("Accept")).isEqualTo("application/json");
    }

    @Test
    void refusesARedirectToAMetadataAddressWithoutConnecting() {
        assertThatThrownBy(() -> client.send(request(redirect(301, "http://169.254.169.254/latest/meta-data/")).build()))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("169.254.169.254");
        assertThat(received).hasSize(1);
    }

    @Test
    void refusesARedirectToAnotherScheme() {
        assertThatThrownBy(() -> client.send(request(redirect(302, "file:///etc/passwd")).build()))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("http and https");
    }

    @Test
    void turnsAPostIntoAGetOn303AndRepeatsItOn308() throws Exception {
        HttpRequest post = request(redirect(303, "/after-303")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("payload")).build();
        body(client.send(post));
        assertThat(received.getLast()).extracting(Received::method, Received::body).containsExactly("GET", "");
        assertThat(received.getLast().headers().containsKey("Content-Type")).isFalse();

        HttpRequest again = request(redirect(308, "/after-308")).POST(HttpRequest.BodyPublishers.ofString("payload")).build();
        body(client.send(again));
        assertThat(received.getLast()).extracting(Received::method, Received::body).containsExactly("POST", "payload");
    }

    @Test
    void stopsAfterFiveRedirects() {
        String url = url(home, "/end");
        for (int i = 0; i < 6; i++) {
            url = redirect(302, url);
        }
        String start = url;

        assertThatThrownBy(() -> client.send(request(start).build()))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("5 redirects");
        assertThat(received).hasSize(6);
    }

    @Test
    void refusesLoopbackBeforeConnectingWhenThePolicySaysSo() {
        try (GuardedHttpClient strict = new GuardedHttpClient(OutboundPolicy.defaults().withAllowLoopback(false))) {
            assertThatThrownBy(() -> strict.send(request(url(home, "/x")).build()))
                    .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("loopback");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void refusesTheMetadataServiceWrittenAsADecimalNumber() {
        assertThatThrownBy(() -> client.send(request("http://2852039166/latest/meta-data/").build()))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("169.254.169.254");
    }
}
