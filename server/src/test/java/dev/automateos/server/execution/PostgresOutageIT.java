package dev.automateos.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.testkit.RequiresPostgres;
import dev.automateos.testkit.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault test 3 of queue mode: PostgreSQL goes away for a few seconds under load. The process
 * reaches it through a TCP proxy, which drops every connection and refuses new ones for four
 * seconds (the real server is untouched). While the store is down, webhooks answer 503 with
 * Retry-After, never a 2xx that is later lost; afterwards service resumes by itself and every
 * call that was answered 202 runs to its end.
 */
@RequiresPostgres
class PostgresOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration OUTAGE = Duration.ofSeconds(4);

    @TempDir
    Path dir;

    private ClusterSchema schema;
    private TcpProxy proxy;
    private ServerProcess process;

    /** One webhook call as the sender saw it. */
    private record Call(long at, int status, String retryAfter, String executionId) {
    }

    @AfterEach
    void stop() throws IOException {
        if (process != null) {
            process.kill();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void webhooksAnswer503WhileTheStoreIsDownAndEveryAcceptedRunFinishesAfterwards() throws Exception {
        schema = new ClusterSchema();
        URI pg = URI.create(TestPostgres.URL.substring("jdbc:".length()));
        proxy = new TcpProxy(pg.getHost(), pg.getPort() < 0 ? 5432 : pg.getPort());
        process = ServerProcess.start(dir, "standalone", "standalone", Map.of(
                "AUTOMATEOS_DB_URL", schema.url(proxy.hostAndPort()), "AUTOMATEOS_DB_USER", TestPostgres.USER,
                "AUTOMATEOS_DB_PASSWORD", TestPostgres.PASSWORD, "AUTOMATEOS_DB_CONNECTION_TIMEOUT", "1s"));
        String token = process.registerAndLogIn("outage", "the database went away 4711");
        String workflowId = process.createWorkflow(token, """
                {"schema_version": 1, "name": "Outage",
                 "trigger": {"id": "trigger", "type": "trigger.webhook", "version": 1, "name": "Hook",
                             "config": {"methods": ["POST"], "response_mode": "immediate"}},
                 "nodes": [{"id": "pause", "type": "core.wait", "version": 1, "name": "Pause",
                            "config": {"duration": "1"}},
                           {"id": "shape", "type": "transform.set", "version": 1, "name": "Shape",
                            "config": {"fields": {"order": "{{ $trigger.body.order }}"}}}],
                 "connections": [{"from": "trigger", "to": "pause"}, {"from": "pause", "to": "shape"}]}""");
        process.call("PATCH", "/api/v1/workflows/" + workflowId, token, "{\"active\": true}", 200);
        String hook = URI.create(process.call("GET", "/api/v1/workflows/" + workflowId + "/webhook", token, null, 200)
                .path("url").asString()).getPath();

        List<Call> calls = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        Thread sender = Thread.ofVirtual().start(() -> send(hook, calls, start, Duration.ofSeconds(16)));
        Thread.sleep(4_000);
        long cutAt = System.nanoTime() - start;
        proxy.cut();
        Thread.sleep(OUTAGE);
        long restoredAt = System.nanoTime() - start;
        proxy.restore();
        sender.join();

        List<Call> duringOutage = calls.stream().filter(c -> c.at() > cutAt + 500_000_000L && c.at() < restoredAt).toList();
        List<Call> afterwards = calls.stream().filter(c -> c.at() > restoredAt + Duration.ofSeconds(6).toNanos()).toList();
        assertThat(calls).as("every answer is 202 or 503").allMatch(c -> c.status() == 202 || c.status() == 503);
        assertThat(duringOutage).as("calls during the outage").isNotEmpty().allMatch(c -> c.status() == 503);
        assertThat(calls.stream().filter(c -> c.status() == 503)).allMatch(c -> "5".equals(c.retryAfter()));
        assertThat(afterwards).as("service resumed by itself").isNotEmpty().allMatch(c -> c.status() == 202);

        List<String> accepted = calls.stream().filter(c -> c.status() == 202).map(Call::executionId).toList();
        for (String id : accepted) {
            JsonNode done = process.awaitFinished(id, token, Duration.ofSeconds(60).toNanos());
            assertThat(done.path("status").asString()).as("accepted run %s", id).isEqualTo("succeeded");
        }
    }

    private void send(String hook, List<Call> calls, long start, Duration length) {
        long end = start + length.toNanos();
        int order = 0;
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> response = process.send("POST", hook, null, "{\"order\": " + order++ + "}");
                String executionId = response.statusCode() == 202
                        ? JSON.readTree(response.body()).path("execution_id").asString() : null;
                calls.add(new Call(System.nanoTime() - start, response.statusCode(),
                        response.headers().firstValue("Retry-After").orElse(null), executionId));
                Thread.sleep(50);
            } catch (IOException e) {
                calls.add(new Call(System.nanoTime() - start, -1, null, null));
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
