package dev.automateos.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.automateos.testkit.RequiresPostgres;
import dev.automateos.testkit.TestPostgres;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Fault test 1 of queue mode: one server and two workers on PostgreSQL, all child processes. Under
 * load, one worker is killed with SIGKILL while it has HTTP steps in flight. Every accepted
 * execution still succeeds (the other worker takes the dead one's items once their lease ends),
 * and no step whose result was committed runs again: the only HTTP calls made twice are ones
 * that were in flight at the kill, re-sent with the same Idempotency-Key.
 */
@RequiresPostgres
class QueueWorkerCrashIT {

    private static final int RUNS = 240;
    private static final int SLOTS = 8;
    private static final String PASSWORD = "two workers one dies 4711";

    @TempDir
    Path dir;

    private ClusterSchema schema;
    private HttpServer remote;
    private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<ServerProcess> processes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void remoteService() throws Exception {
        schema = new ClusterSchema();
        remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remote.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        remote.createContext("/", exchange -> {
            String key = String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            arrivals.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
            int n = calls.incrementAndGet();
            try {
                Thread.sleep(600); // keeps steps in flight long enough for the kill to land inside some
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"call\": " + n + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        remote.start();
    }

    @AfterEach
    void stopAll() {
        processes.forEach(ServerProcess::kill);
        remote.stop(0);
        schema.close();
    }

    private ServerProcess start(String name, String command) throws Exception {
        ServerProcess process = ServerProcess.start(dir, name, command, Map.of(
                "AUTOMATEOS_DB_URL", schema.url(), "AUTOMATEOS_DB_USER", TestPostgres.USER,
                "AUTOMATEOS_DB_PASSWORD", TestPostgres.PASSWORD,
                "AUTOMATEOS_ENGINE_LEASE_DURATION", "5s",
                "AUTOMATEOS_ENGINE_WORKER_CONCURRENCY", String.valueOf(SLOTS)));
        processes.add(process);
        return process;
    }

    @Test
    void everyAcceptedRunSucceedsAndOnlyInFlightStepsRunAgainAfterAWorkerIsKilled() throws Exception {
        ServerProcess server = start("server", "server");
        ServerProcess doomed = start("worker-a", "worker");
        ServerProcess survivor = start("worker-b", "worker");
        String token = server.registerAndLogIn("cluster", PASSWORD);
        String workflowId = server.createWorkflow(token, workflow());
        server.call("PATCH", "/api/v1/workflows/" + workflowId, token, "{\"active\": true}", 200);
        String hook = URI.create(server.call("GET", "/api/v1/workflows/" + workflowId + "/webhook", token, null, 200)
                .path("url").asString()).getPath();

        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            accepted.add(server.call("POST", hook, null, "{\"order\": " + i + "}", 202).path("execution_id")
                    .asString());
        }
        awaitCalls(3 * SLOTS);
        // On a slow machine one worker can start late and the other take everything; kill only once
        // the doomed one reports steps in flight (its heartbeat, every few seconds).
        awaitInFlight(server, token, doomed.pid());
        long killedAt = System.nanoTime();
        doomed.killHard();

        for (String id : accepted) {
            JsonNode done = server.awaitFinished(id, token, Duration.ofSeconds(120).toNanos());
            assertThat(done.path("status").asString()).as("execution %s: %s", id, done).isEqualTo("succeeded");
        }
        var repeated = arrivals.entrySet().stream().filter(e -> e.getValue().size() > 1).toList();
        assertThat(arrivals).as("one idempotency key per execution's HTTP step").hasSize(RUNS);
        assertThat(repeated).as("the killed worker had HTTP steps in flight; the survivor re-sent them")
                .isNotEmpty().hasSizeLessThanOrEqualTo(SLOTS);
        for (var entry : repeated) {
            List<Long> times = entry.getValue();
            assertThat(times).as("key %s was sent again only because the kill interrupted it", entry.getKey())
                    .hasSize(2);
            assertThat(times.get(0)).isLessThan(killedAt);
            assertThat(times.get(1)).isGreaterThan(killedAt);
        }
        assertThat(survivor.output()).doesNotContain("ERROR");
    }

    private static void awaitInFlight(ServerProcess server, String token, long pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode queue = server.call("GET", "/api/v1/system/queue", token, null, 200);
            boolean busy = queue.path("workers").valueStream()
                    .anyMatch(w -> w.path("pid").asLong() == pid && w.path("in_flight").asInt() > 0);
            if (busy) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("worker " + pid + " never reported executions in flight");
    }

    private void awaitCalls(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (calls.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(calls.get()).as("HTTP calls before the kill").isGreaterThanOrEqualTo(atLeast);
    }

    private String workflow() {
        return """
                {"schema_version": 1, "name": "Two workers",
                 "trigger": {"id": "trigger", "type": "trigger.webhook", "version": 1, "name": "Hook",
                             "config": {"methods": ["POST"], "response_mode": "immediate"}},
                 "nodes": [
                   {"id": "call", "type": "http.request", "version": 1, "name": "Call",
                    "config": {"method": "POST", "url": "http://127.0.0.1:%d/orders",
                               "options": {"retry": {"max_attempts": 1}}}},
                   {"id": "shape", "type": "transform.set", "version": 1, "name": "Shape",
                    "config": {"fields": {"call": "{{ $input.body.call }}"}}}],
                 "connections": [{"from": "trigger", "to": "call"}, {"from": "call", "to": "shape"}]}"""
                .formatted(remote.getAddress().getPort());
    }
}
