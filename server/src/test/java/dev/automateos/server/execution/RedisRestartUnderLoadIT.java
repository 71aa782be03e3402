package dev.automateos.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.automateos.server.support.FreshDatabase;
import dev.automateos.server.support.RedisServerProcess;
import dev.automateos.testkit.RequiresPostgres;
import dev.automateos.testkit.RequiresRedis;
import dev.automateos.testkit.TestPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault test 2 of the queue-mode issue: Redis is restarted, empty, under load, and no accepted
 * execution is lost. A server process takes webhooks (202) and a worker process runs them, both
 * child JVMs on a PostgreSQL schema of the test's own, with the Redis broker on a private redis-server. Each
 * run waits a second and calls an HTTP endpoint here, so runs are in flight, waiting on timers, and
 * queued when Redis is killed; it comes back empty a few seconds later. Every execution a 2xx
 * accepted must then succeed, and no step may run twice: the endpoint counts calls per idempotency
 * key (execution and step), and every step records one attempt.
 */
@RequiresPostgres
@RequiresRedis
class RedisRestartUnderLoadIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "redis restarts empty 4711";
    private static final int CLIENTS = 4;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(4);
    private static final Duration REDIS_DOWN = Duration.ofSeconds(3);
    private static final Duration LOAD_AFTER_RESTART = Duration.ofSeconds(4);
    private static final Duration ALL_DONE_WITHIN = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private FreshDatabase database;
    private RedisServerProcess redis;
    private HttpServer remote;
    private ExecutorService remoteThreads;
    private final Map<String, AtomicInteger> callsPerKey = new ConcurrentHashMap<>();
    private ServerProcess server;
    private ServerProcess worker;

    @BeforeEach
    void start() throws Exception {
        // A schema of its own: the JVM's shared one has users already, so registration is closed there.
        database = FreshDatabase.postgres();
        redis = RedisServerProcess.start(dir.resolve("redis.log"));
        remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remoteThreads = Executors.newVirtualThreadPerTaskExecutor();
        remote.setExecutor(remoteThreads);
        remote.createContext("/", this::answer);
        remote.start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = Map.of(
                "AUTOMATEOS_DB_URL", database.url(),
                "AUTOMATEOS_DB_USER", TestPostgres.USER,
                "AUTOMATEOS_DB_PASSWORD", TestPostgres.PASSWORD,
                "AUTOMATEOS_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key),
                "AUTOMATEOS_QUEUE_BROKER", "redis",
                "AUTOMATEOS_REDIS_URL", redis.url(),
                "AUTOMATEOS_REDIS_RECONCILE_INTERVAL", "1s",
                "AUTOMATEOS_REDIS_RECONCILE_GRACE", "3s");
        server = ServerProcess.start(Files.createDirectories(dir.resolve("server")), "server", "server", env);
        worker = ServerProcess.start(Files.createDirectories(dir.resolve("worker")), "worker", "worker", env);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String key = String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        callsPerKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        byte[] body = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (worker != null) {
            worker.kill();
        }
        if (server != null) {
            server.kill();
        }
        remote.stop(0);
        remoteThreads.shutdownNow();
        redis.close();
        if (database != null) {
            database.close();
        }
        // The processes' logs outlive the temporary directory, for whoever reads a failure.
        Path logs = Files.createDirectories(Path.of("target", "fault-logs", getClass().getSimpleName()));
        for (String name : List.of("server.log", "worker.log")) {
            Path log = dir.resolve(name.replace(".log", "")).resolve(name);
            if (Files.exists(log)) {
                Files.copy(log, logs.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void noAcceptedExecutionIsLostWhenRedisRestartsEmptyUnderLoad() throws Exception {
        String token = server.registerAndLogIn("ada", PASSWORD);
        String workflowId = server.createWorkflow(token, workflow());
        server.call("PATCH", "/api/v1/workflows/" + workflowId, token, "{\"active\": true}", 200);
        String hook = "/webhook/" + server.call("GET", "/api/v1/workflows/" + workflowId + "/webhook", token, null, 200)
                .path("url").asString().replaceFirst(".*/webhook/", "");

        Load load = new Load(hook);
        load.start();
        Thread.sleep(LOAD_BEFORE_KILL);
        List<String> acceptedAtKill = load.acceptedSnapshot();
        redis.kill();
        long killed = System.nanoTime();
        // Counted after the kill: with Redis gone no wait timer comes due, so a run still unfinished
        // now was in flight when Redis died (counting first, a slow machine saw them all finish).
        int acceptedBeforeKill = acceptedAtKill.size();
        int unfinishedAtKill = unfinished(acceptedAtKill, token);
        int workerReadinessWhileDown = awaitReadiness(worker, 503);
        Thread.sleep(REDIS_DOWN);
        redis.startAgain();
        long restarted = System.nanoTime();
        awaitReadiness(worker, 200);
        Thread.sleep(LOAD_AFTER_RESTART);
        load.stop();

        List<String> accepted = load.acceptedSnapshot();
        long allDoneAfter = awaitAllSucceeded(accepted, token);
        Set<String> statuses = ConcurrentHashMap.newKeySet();
        for (String id : accepted) {
            JsonNode execution = server.call("GET", "/api/v1/executions/" + id, token, null, 200);
            statuses.add(execution.path("status").asString());
            execution.path("steps").valueStream().forEach(step -> assertThat(step.path("attempts").asInt())
                    .as("attempts of %s in %s", step.path("id").asString(), id).isEqualTo(1));
            assertThat(callsPerKey.get(id + ":call")).as("calls of %s", id).hasValue(1);
        }

        System.out.printf("redis-restart: %d accepted (%d before the kill, %d of them unfinished at the kill), "
                        + "%d refused, redis down %d ms, worker readiness while down %d, all %d succeeded %d ms after "
                        + "the restart; %d remote calls for %d keys; reconciler: %s%n",
                accepted.size(), acceptedBeforeKill, unfinishedAtKill, load.refused.get(),
                (restarted - killed) / 1_000_000, workerReadinessWhileDown, accepted.size(),
                (allDoneAfter - restarted) / 1_000_000, callsPerKey.values().stream().mapToInt(AtomicInteger::get).sum(),
                callsPerKey.size(), reconcilerLines());
        assertThat(statuses).containsExactly("succeeded");
        assertThat(workerLog()).contains("Lost the connection to Redis at 127.0.0.1:" + redis.port())
                .contains("Connected to Redis at 127.0.0.1:" + redis.port() + " again");
        assertThat(unfinishedAtKill).as("runs in flight when Redis died").isPositive();
        assertThat(callsPerKey).hasSize(accepted.size());
    }

    /** Webhook calls from a few client threads until stopped; what a 2xx accepted, and how many were refused. */
    private final class Load {
        final List<String> accepted = new ArrayList<>();
        final AtomicInteger refused = new AtomicInteger();
        private final String hook;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> clients = new ArrayList<>();

        Load(String hook) {
            this.hook = hook;
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(Thread.ofVirtual().start(this::callUntilStopped));
            }
        }

        private void callUntilStopped() {
            int n = 0;
            while (running.get()) {
                try {
                    HttpResponse<String> response = server.send("POST", hook, null, "{\"n\": " + n++ + "}");
                    if (response.statusCode() / 100 == 2) {
                        String id = JSON.readTree(response.body()).path("execution_id").asString();
                        synchronized (accepted) {
                            accepted.add(id);
                        }
                    } else {
                        refused.incrementAndGet();
                    }
                    Thread.sleep(20); // about 150 calls a second from four clients: load, not saturation
                } catch (IOException | RuntimeException e) {
                    refused.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        List<String> acceptedSnapshot() {
            synchronized (accepted) {
                return List.copyOf(accepted);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join(Duration.ofSeconds(40));
            }
        }
    }

    private int unfinished(List<String> ids, String token) throws Exception {
        int unfinished = 0;
        for (String id : ids) {
            String status = server.call("GET", "/api/v1/executions/" + id, token, null, 200).path("status").asString();
            if (!Set.of("succeeded", "failed", "cancelled").contains(status)) {
                unfinished++;
            }
        }
        return unfinished;
    }

    private long awaitAllSucceeded(List<String> ids, String token) throws Exception {
        long deadline = System.nanoTime() + ALL_DONE_WITHIN.toNanos();
        List<String> pending = new ArrayList<>(ids);
        while (!pending.isEmpty()) {
            List<String> still = new ArrayList<>();
            for (String id : pending) {
                String status = server.call("GET", "/api/v1/executions/" + id, token, null, 200).path("status")
                        .asString();
                if (!Set.of("succeeded", "failed", "cancelled").contains(status)) {
                    still.add(id);
                }
            }
            pending = still;
            if (!pending.isEmpty()) {
                assertThat(System.nanoTime()).as("%d executions unfinished after %s, e.g. %s%nworker log:%n%s",
                        pending.size(), ALL_DONE_WITHIN, pending.getFirst(), worker.output()).isLessThan(deadline);
                Thread.sleep(250);
            }
        }
        return System.nanoTime();
    }

    private static int awaitReadiness(ServerProcess process, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int last;
        while ((last = process.readiness()) != status) {
            assertThat(System.nanoTime()).as("readiness %d, waiting for %d", last, status).isLessThan(deadline);
            Thread.sleep(50);
        }
        return last;
    }

    /** The whole log ({@link ServerProcess#output} keeps only its end). */
    private String workerLog() throws IOException {
        return Files.readString(dir.resolve("worker").resolve("worker.log"));
    }

    private String reconcilerLines() throws IOException {
        return workerLog().lines().filter(line -> line.contains("Reconciler")).map(String::strip).toList()
                .toString();
    }

    private String workflow() {
        String nodes = """
                [{"id": "first", "type": "transform.set", "version": 1, "name": "First",
                  "config": {"fields": {"n": "{{ $trigger.body.n }}"}}},
                 {"id": "pause", "type": "core.wait", "version": 1, "name": "Pause", "config": {"duration": "1"}},
                 {"id": "call", "type": "http.request", "version": 1, "name": "Call",
                  "config": {"method": "POST", "url": "http://127.0.0.1:%d/charge"}},
                 {"id": "last", "type": "transform.set", "version": 1, "name": "Last",
                  "config": {"fields": {"ok": "{{ $input.body.ok }}", "n": "{{ $nodes.First.n }}"}}}]"""
                .formatted(remote.getAddress().getPort());
        return """
                {"schema_version": 1, "name": "redis-restart", "trigger": {"id": "trigger", "type": "trigger.webhook",
                 "version": 1, "name": "Hook", "config": {"methods": ["POST"], "response_mode": "immediate"}},
                 "nodes": %s,
                 "connections": [{"from": "trigger", "to": "first"}, {"from": "first", "to": "pause"},
                                 {"from": "pause", "to": "call"}, {"from": "call", "to": "last"}]}"""
                .formatted(nodes);
    }
}
