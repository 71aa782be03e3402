package dev.automateos.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Crash safety with a real process: the server runs as a child JVM on an H2 file database, is
 * killed with SIGKILL while an HTTP step is in flight, and a second child on the same data
 * directory finishes the execution. Steps committed before the kill are not run again; the
 * in-flight HTTP call is re-issued with the same {@code Idempotency-Key}.
 *
 * <p>On the embedded database the new process releases the dead one's queue leases at start-up
 * ({@code StartupLeaseRecovery}), so it resumes at once instead of after the 60 s lease.
 */
class ExecutionCrashIT {

    private static final String PASSWORD = "resume after sigkill 4711";

    @TempDir
    Path dataDir;

    private HttpServer remote;
    private ExecutorService remoteThreads;
    private final Map<String, AtomicInteger> callsPerKey = new ConcurrentHashMap<>();
    private final CountDownLatch firstCallArrived = new CountDownLatch(1);
    private final CountDownLatch releaseFirstCall = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private ServerProcess first;
    private ServerProcess second;

    @BeforeEach
    void startRemote() throws IOException {
        remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remoteThreads = Executors.newCachedThreadPool();
        remote.setExecutor(remoteThreads); // the first call blocks; later ones must still be answered
        remote.createContext("/", this::answer);
        remote.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String key = String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        callsPerKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (calls.incrementAndGet() == 1) {
            firstCallArrived.countDown();
            try {
                releaseFirstCall.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException callerIsGone) {
            // the first caller was killed while we held its request
        }
    }

    @AfterEach
    void stopEverything() {
        releaseFirstCall.countDown();
        if (first != null) {
            first.kill();
        }
        if (second != null) {
            second.kill();
        }
        remote.stop(0);
        remoteThreads.shutdownNow();
    }

    @Test
    void anExecutionKilledMidStepResumesFromTheLastCommittedStepAfterRestart() throws Exception {
        long started = System.nanoTime();
        first = ServerProcess.start(dataDir, "first");
        String token = first.registerAndLogIn("ada", PASSWORD);
        String workflowId = first.createWorkflow(token, workflow());
        String executionId = first.call("POST", "/api/v1/workflows/" + workflowId + "/run", token,
                "{\"input\": {\"n\": 7}}", 202).path("id").asString();

        assertThat(firstCallArrived.await(60, TimeUnit.SECONDS)).as("the HTTP step reached the remote").isTrue();
        JsonNode before = first.call("GET", "/api/v1/executions/" + executionId, token, null, 200);
        first.killHard();
        releaseFirstCall.countDown();
        long killed = System.nanoTime();

        second = ServerProcess.start(dataDir, "second");
        long ready = System.nanoTime();
        String token2 = second.logIn("ada", PASSWORD);
        JsonNode after = second.awaitFinished(executionId, token2, TimeUnit.SECONDS.toNanos(150));
        long finished = System.nanoTime();
        // Well under the dead process's 60 s lease: the restart took the work over at start-up.
        assertThat(TimeUnit.NANOSECONDS.toSeconds(finished - ready)).isLessThan(30);

        assertThat(after.path("status").asString()).as(after.toString()).isEqualTo("succeeded");
        assertThat(after.path("result").path("ok").asBoolean()).isTrue();
        assertThat(step(before, "first").path("status").asString()).isEqualTo("succeeded");
        assertThat(step(after, "first").path("attempts").asInt()).isEqualTo(1);
        // Not run again: the output holds $now of its only attempt, and the timings are the ones committed before.
        assertThat(step(after, "first").path("output")).isEqualTo(step(before, "first").path("output"));
        assertThat(step(after, "first").path("finished_at")).isEqualTo(step(before, "first").path("finished_at"));
        assertThat(step(before, "call").path("status").asString()).isEqualTo("running");
        assertThat(step(after, "call").path("status").asString()).isEqualTo("succeeded");
        assertThat(callsPerKey).as("every call carries the step's one key").containsOnlyKeys(executionId + ":call");
        assertThat(callsPerKey.get(executionId + ":call").get()).isEqualTo(2);
        assertThat(after.path("steps").valueStream().map(s -> s.path("id").asString()))
                .containsExactly("trigger", "first", "call", "last");
        System.out.printf("crash-resume: kill after %d ms, resumed and finished %d ms after the kill%n",
                TimeUnit.NANOSECONDS.toMillis(killed - started), TimeUnit.NANOSECONDS.toMillis(finished - killed));
    }

    private String workflow() {
        String nodes = """
                [{"id": "first", "type": "transform.set", "version": 1, "name": "First",
                  "config": {"fields": {"at": "{{ $now }}", "n": "{{ $trigger.body.n }}"}}},
                 {"id": "call", "type": "http.request", "version": 1, "name": "Call",
                  "config": {"method": "POST", "url": "http://127.0.0.1:%d/charge"}},
                 {"id": "last", "type": "transform.set", "version": 1, "name": "Last",
                  "config": {"fields": {"ok": "{{ $input.body.ok }}", "n": "{{ $nodes.First.n }}"}}}]"""
                .formatted(remote.getAddress().getPort());
        return """
                {"schema_version": 1, "name": "crash", "trigger": {"id": "trigger", "type": "trigger.manual",
                 "version": 1, "name": "Manual", "config": {}}, "nodes": %s,
                 "connections": [{"from": "trigger", "to": "first"}, {"from": "first", "to": "call"},
                                 {"from": "call", "to": "last"}]}""".formatted(nodes);
    }

    private static JsonNode step(JsonNode execution, String id) {
        List<JsonNode> matching = execution.path("steps").valueStream()
                .filter(s -> id.equals(s.path("id").asString())).toList();
        assertThat(matching).as("step %s in %s", id, execution).hasSize(1);
        return matching.getFirst();
    }
}
