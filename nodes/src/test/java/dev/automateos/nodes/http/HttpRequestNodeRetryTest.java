package dev.automateos.nodes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.http.GuardedHttpClient;
import dev.automateos.engine.http.OutboundPolicy;
import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, backoff, Retry-After and timeouts, with delays of a few milliseconds. */
class HttpRequestNodeRetryTest {

    private static final GuardedHttpClient CLIENT = new GuardedHttpClient(OutboundPolicy.defaults());
    private static final String FAST_RETRY = "\"retry\": {\"max_attempts\": 3, \"initial_delay_ms\": 1, \"max_delay_ms\": 20}";

    private final HttpRequestNode node = new HttpRequestNode();
    private TestServer server;
    private FakeNodeContext context;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer("127.0.0.1");
        context = FakeNodeContext.withInput("{}").withHttp(CLIENT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @AfterAll
    static void closeClient() {
        CLIENT.close();
    }

    private HttpRequestNode.Result run(String path, String options) {
        String config = "{\"method\": \"POST\", \"url\": \"" + server.url(path) + "\", \"body\": {\"type\": \"raw\", \"content\": \"x\"},"
                + " \"options\": {" + options + "}}";
        return node.execute(NodeTestSupport.config(HttpRequestNode.Config.class, config), context);
    }

    @Test
    void retries503UntilItSucceedsSendingTheSameIdempotencyKeyAndBodyEachTime() {
        server.on("/flaky", (ex, call) -> TestServer.reply(ex, call < 3 ? 503 : 200, "application/json", "{\"call\": " + call + "}"));

        var result = run("/flaky", FAST_RETRY);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.body().get("call").intValue()).isEqualTo(3);
        assertThat(server.received()).hasSize(3).allSatisfy(r -> {
            assertThat(r.headers().getFirst("Idempotency-Key")).isEqualTo("execution-1:step");
            assertThat(r.body()).isEqualTo("x");
        });
        assertThat(context.logged()).anyMatch(line -> line.contains("status 503; attempt 2 of 3"));
    }

    @Test
    void failsWithTheLastStatusWhenEveryAttemptFails() {
        server.on("/down", (ex, call) -> TestServer.reply(ex, 502, "text/plain", "bad gateway"));

        assertThatThrownBy(() -> run("/down", FAST_RETRY))
                .isInstanceOf(HttpRequestException.class).hasMessageContaining("answered 502 after 3 attempts: bad gateway")
                .extracting(e -> ((HttpRequestException) e).code(), e -> ((HttpRequestException) e).retryable())
                .containsExactly("http_status", true);
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void honoursRetryAfterInSecondsAndAsAnHttpDate() {
        String now = DateTimeFormatter.RFC_1123_DATE_TIME.format(FakeNodeContext.NOW.atOffset(java.time.ZoneOffset.UTC));
        server.on("/limited", (ex, call) -> {
            switch (call) {
                case 1 -> TestServer.reply(ex, 429, "text/plain", "slow down", "Retry-After", "0");
                case 2 -> TestServer.reply(ex, 429, "text/plain", "slow down", "Retry-After", now);
                default -> TestServer.reply(ex, 200, "application/json", "{}");
            }
        });

        var result = run("/limited", FAST_RETRY);

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(context.logged()).filteredOn(line -> line.contains("status 429"))
                .hasSize(2).allMatch(line -> line.contains("in 0 ms (Retry-After)"));
    }

    @Test
    void capsALongRetryAfterAtTheMaximumDelay() {
        server.on("/limited", (ex, call) -> TestServer.reply(ex, call == 1 ? 429 : 200, "text/plain", "", "Retry-After", "3600"));
        long started = System.nanoTime();

        var result = run("/limited", FAST_RETRY);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(context.logged()).anyMatch(line -> line.contains("in 20 ms (Retry-After)"));
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }

    @Test
    void doesNotRetryAClientError() {
        server.on("/bad", (ex, call) -> TestServer.reply(ex, 400, "application/json", "{\"error\": \"bad field\"}"));

        assertThatThrownBy(() -> run("/bad", FAST_RETRY)).isInstanceOf(HttpRequestException.class)
                .hasMessageContaining("answered 400: {\"error\": \"bad field\"}");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void doesNotRetryWhatRetryOnLeavesOut() {
        server.on("/limited", (ex, call) -> TestServer.reply(ex, 429, "text/plain", ""));

        var result = run("/limited", "\"fail_on_non_2xx\": false, \"retry\": {\"initial_delay_ms\": 1, \"retry_on\": [\"server_error\"]}");

        assertThat(result.status()).isEqualTo(429);
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void retriesARefusedConnectionAndThenFailsNamingTheAttempts() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String config = "{\"url\": \"http://127.0.0.1:" + closedPort + "/x\", \"query\": {\"secret_param\": \"v\"},"
                + " \"options\": {" + FAST_RETRY + "}}";

        assertThatThrownBy(() -> node.execute(NodeTestSupport.config(HttpRequestNode.Config.class, config), context))
                .isInstanceOf(HttpRequestException.class)
                .hasMessage("GET http://127.0.0.1:" + closedPort + "/x failed after 3 attempts: "
                        + "the connection could not be opened (ConnectException).")
                .extracting(e -> ((HttpRequestException) e).code()).isEqualTo("connect_failed");
        assertThat(context.logged()).hasSize(2).noneMatch(line -> line.contains("secret_param"));
    }

    @Test
    void timesOutWaitingForHeadersAndDoesNotRetryATimeoutByDefault() {
        server.on("/slow", (ex, call) -> {
            sleep(10_000);
            TestServer.reply(ex, 200, "text/plain", "late");
        });
        long started = System.nanoTime();

        assertThatThrownBy(() -> run("/slow", "\"timeout_ms\": 150, " + FAST_RETRY))
                .isInstanceOf(HttpRequestException.class).hasMessageContaining("no complete response within 150 ms");
        assertThat(server.received()).hasSize(1);
        // Well before the reply would come, with room for a busy build machine.
        assertThat(System.nanoTime() - started).isLessThan(8_000_000_000L);
    }

    @Test
    void timesOutOnABodyThatTricklesAndRetriesTimeoutsWhenAsked() {
        server.on("/trickle", (ex, call) -> {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("start".getBytes());
            ex.getResponseBody().flush();
            sleep(6_000);
        });

        // 1 s per attempt: long enough that even a busy machine connects and sends the retry within it.
        assertThatThrownBy(() -> run("/trickle", "\"timeout_ms\": 1000, \"retry\": {\"max_attempts\": 2, \"initial_delay_ms\": 1,"
                + " \"retry_on\": [\"timeout\"]}"))
                .isInstanceOf(HttpRequestException.class).hasMessageContaining("after 2 attempts: no complete response within 1000 ms");
        // The second request was sent; on a busy machine the server may record it a moment after the client gave up.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.received().size() < 2 && System.nanoTime() < deadline) {
            sleep(20);
        }
        assertThat(server.received()).hasSize(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
