package dev.automateos.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.server.auth.Role;
import dev.automateos.server.support.ApiTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The batching rule of {@link ExecutionDriver}: side-effect-free steps run without a commit in
 * between, but everything before an outside-effect step is committed before it starts, and its
 * result before the next step starts. Observed from a local HTTP server that reads the execution
 * row from the database while it handles the step's request.
 */
class ExecutionBatchingTest extends ApiTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ExecutionDriver driver;

    @Autowired
    private ExecutionStore store;

    private HttpServer remote;
    private TestUser owner;
    private volatile UUID workflowId;
    /** Per request path: the step statuses stored when the request arrived. */
    private final Map<String, Map<String, String>> storedWhenCalled = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        owner = newUser(Role.USER);
        remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remote.createContext("/", exchange -> {
            storedWhenCalled.put(exchange.getRequestURI().getPath(), storedSteps());
            byte[] body = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        remote.start();
    }

    @AfterEach
    void stop() {
        remote.stop(0);
    }

    @Test
    void stepsBeforeAnHttpCallAreCommittedBeforeItStartsAndItsResultBeforeTheNextCall() {
        String url = "http://127.0.0.1:" + remote.getAddress().getPort();
        workflowId = UUID.fromString(workflow("""
                [{"id": "big", "type": "flow.filter", "version": 1, "name": "Big",
                  "config": {"condition": {"combinator": "and", "conditions": [
                    {"left": "{{ $input.body.amount }}", "operator": "greater_than", "right": "10"}]}}},
                 {"id": "shape", "type": "transform.set", "version": 1, "name": "Shape",
                  "config": {"fields": {"total": "{{ $input.body.amount * 2 }}"}}},
                 {"id": "first", "type": "http.request", "version": 1, "name": "First",
                  "config": {"url": "%1$s/first", "options": {"retry": {"max_attempts": 1}}}},
                 {"id": "after", "type": "transform.set", "version": 1, "name": "After",
                  "config": {"fields": {"seen": "{{ $input.body.ok }}"}}},
                 {"id": "second", "type": "http.request", "version": 1, "name": "Second",
                  "config": {"url": "%1$s/second", "options": {"retry": {"max_attempts": 1}}}}]""".formatted(url),
                """
                [{"from": "trigger", "to": "big"}, {"from": "big", "to": "shape"}, {"from": "shape", "to": "first"},
                 {"from": "first", "to": "after"}, {"from": "after", "to": "second"}]""", null));

        JsonNode outcome = run("{\"input\": {\"amount\": 21}}");

        assertThat(outcome.path("status").asString()).isEqualTo("succeeded");
        assertThat(storedWhenCalled.get("/first")).containsExactly(Map.entry("trigger", "succeeded"),
                Map.entry("big", "succeeded"), Map.entry("shape", "succeeded"), Map.entry("first", "running"));
        assertThat(storedWhenCalled.get("/second")).containsExactly(Map.entry("trigger", "succeeded"),
                Map.entry("big", "succeeded"), Map.entry("shape", "succeeded"), Map.entry("first", "succeeded"),
                Map.entry("after", "succeeded"), Map.entry("second", "running"));
    }

    @Test
    void aRunOfSideEffectFreeStepsOnlyEndsInMemoryAndIsStoredOnceEnded() {
        workflowId = UUID.fromString(workflow(SIDE_EFFECT_FREE, SIDE_EFFECT_FREE_CONNECTIONS, null));

        JsonNode outcome = run("{\"input\": {\"amount\": 21}}");

        assertThat(outcome.path("status").asString()).isEqualTo("succeeded");
        assertThat(outcome.path("result").path("total").asInt()).isEqualTo(42);
        assertThat(revision(outcome)).as("saves after the insert").isZero();
        assertThat(queueItems(outcome)).isZero();
        JsonNode detail = http.get("/api/v1/executions/" + outcome.path("id").asString()).token(owner.token())
                .send().expectStatus(200).json();
        assertThat(detail.path("steps").valueStream().map(s -> s.path("status").asString()))
                .containsExactly("succeeded", "succeeded", "succeeded", "succeeded");
    }

    @Test
    void aWorkflowWithAConcurrencyLimitGoesThroughTheQueueWhichEnforcesIt() {
        workflowId = UUID.fromString(workflow(SIDE_EFFECT_FREE, SIDE_EFFECT_FREE_CONNECTIONS,
                "{\"max_concurrency\": 2}"));

        JsonNode outcome = run("{\"input\": {\"amount\": 21}}");

        assertThat(outcome.path("result").path("total").asInt()).isEqualTo(42);
        assertThat(revision(outcome)).as("queued at launch, then one commit at the end").isEqualTo(1);
        assertThat(queueItems(outcome)).as("the run's queue item was acked with its last commit").isZero();
    }

    @Test
    void aWorkerThatLostTheLeaseStopsWithoutSaving() throws Exception {
        workflowId = UUID.fromString(workflow(SIDE_EFFECT_FREE, SIDE_EFFECT_FREE_CONNECTIONS, null));
        var state = dev.automateos.engine.execution.ExecutionState.queued(UUID.randomUUID(), workflowId, 1,
                tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(), java.time.Instant.now());
        // Stored queued, with no queue item: only this test's hand-made claim can advance it.
        store.insert(new ExecutionRecord(state, owner.id(), "manual", null, null, 0));
        var claimed = new dev.automateos.engine.queue.ClaimedItem(new dev.automateos.engine.queue.WorkItem(
                UUID.randomUUID(), state.id(), workflowId, dev.automateos.engine.queue.Lane.MEDIUM,
                java.time.Instant.now(), 0, ExecutionQueueing.RUN), "worker-test", java.time.Instant.now().plusSeconds(30), 1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.process(claimed, () -> false))
                .isInstanceOf(LeaseLostException.class);

        var stored = store.find(state.id()).orElseThrow();
        assertThat(stored.revision()).as("nothing saved").isZero();
        assertThat(stored.state().status().name()).isEqualTo("QUEUED");
    }

    private long revision(JsonNode outcome) {
        return jdbc.sql("select revision from executions where id = ?")
                .param(UUID.fromString(outcome.path("id").asString())).query(Long.class).single();
    }

    private int queueItems(JsonNode outcome) {
        return jdbc.sql("select count(*) from work_queue where execution_id = ?")
                .param(UUID.fromString(outcome.path("id").asString())).query(Integer.class).single();
    }

    private static final String SIDE_EFFECT_FREE_CONNECTIONS = """
            [{"from": "trigger", "to": "shape"}, {"from": "shape", "to": "check"},
             {"from": "check", "to": "done", "output": "true"}]""";

    private static final String SIDE_EFFECT_FREE = """
                [{"id": "shape", "type": "transform.set", "version": 1, "name": "Shape",
                  "config": {"fields": {"total": "{{ $input.body.amount * 2 }}"}}},
                 {"id": "check", "type": "flow.if", "version": 1, "name": "Check",
                  "config": {"condition": "{{ $input.total > 10 }}"}},
                 {"id": "done", "type": "core.noop", "version": 1, "name": "Done", "config": {}}]""";

    private Map<String, String> storedSteps() {
        String state = jdbc.sql("select state from executions where workflow_id = ?").param(workflowId)
                .query(String.class).single();
        Map<String, String> steps = new LinkedHashMap<>();
        EngineJson.mapper().readTree(state).path("steps").values()
                .forEach(s -> steps.put(s.path("id").asString(), s.path("status").asString()));
        return steps;
    }

    private JsonNode run(String body) {
        return http.post("/api/v1/workflows/" + workflowId + "/run?wait=true&timeout=20s").token(owner.token())
                .body(body).send().expectStatus(200).json();
    }

    private String workflow(String nodes, String connections, String settings) {
        String doc = """
                {"schema_version": 1, "name": "batching %s", "trigger": {"id": "trigger", "type": "trigger.manual",
                 "version": 1, "name": "Manual", "config": {}}, "nodes": %s, "connections": %s%s}"""
                .formatted(System.nanoTime(), nodes, connections, settings == null ? "" : ", \"settings\": " + settings);
        return http.post("/api/v1/workflows").token(owner.token()).body(doc).send().expectStatus(201).json()
                .path("id").asString();
    }
}
