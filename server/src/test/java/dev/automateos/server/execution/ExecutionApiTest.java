package dev.automateos.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.automateos.server.auth.Role;
import dev.automateos.server.support.ApiTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ExecutionApiTest extends ApiTest {

    private static HttpServer server;
    /** Per path: how many requests it answers 503 before answering 200. */
    private static final Map<String, AtomicInteger> FAILURES_LEFT = new ConcurrentHashMap<>();
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ExecutionWatchdog watchdog;

    private TestUser owner;

    @BeforeAll
    static void startRemote() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            AtomicInteger left = FAILURES_LEFT.get(path);
            boolean fail = left != null && left.getAndDecrement() > 0;
            byte[] body = (fail ? "{\"error\": \"busy\"}" : "{\"ok\": true, \"path\": \"" + path + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopRemote() {
        server.stop(0);
    }

    @BeforeEach
    void createOwner() {
        owner = newUser(Role.USER);
    }

    @Test
    void aManualRunWithWaitAnswersTheResultAndRecordsEveryStep() {
        String id = workflow(owner, """
                [{"id": "set", "type": "transform.set", "version": 1, "name": "Set",
                  "config": {"fields": {"total": "{{ $input.body.amount * 2 }}", "who": "{{ $trigger.body.name }}"}}},
                 {"id": "check", "type": "flow.if", "version": 1, "name": "Check",
                  "config": {"condition": "{{ $input.total > 10 }}"}},
                 {"id": "big", "type": "core.noop", "version": 1, "name": "Big", "config": {}}]""",
                """
                [{"from": "trigger", "to": "set"}, {"from": "set", "to": "check"},
                 {"from": "check", "to": "big", "output": "true"}]""");

        JsonNode outcome = http.post("/api/v1/workflows/" + id + "/run?wait=true&timeout=20s").token(owner.token())
                .body("{\"input\": {\"amount\": 21, \"name\": \"Ada\"}}").send().expectStatus(200).json();

        assertThat(outcome.path("status").asString()).isEqualTo("succeeded");
        assertThat(outcome.path("result").path("total").asInt()).isEqualTo(42);
        assertThat(outcome.path("result").path("who").asString()).isEqualTo("Ada");
        JsonNode detail = detail(owner, outcome.path("id").asString());
        assertThat(detail.path("trigger_kind").asString()).isEqualTo("manual");
        assertThat(detail.path("steps").valueStream().map(s -> s.path("id").asString()))
                .containsExactly("trigger", "set", "check", "big");
        assertThat(detail.path("steps").valueStream().map(s -> s.path("status").asString()))
                .containsOnly("succeeded");
        JsonNode check = detail.path("steps").get(2);
        assertThat(check.path("output_name").asString()).isEqualTo("true");
        assertThat(check.path("input").path("total").asInt()).isEqualTo(42);
        assertThat(check.path("attempts").asInt()).isEqualTo(1);
        assertThat(detail.path("duration_ms").isNumber()).isTrue();
        assertThat(detail.path("finished_at").asString()).isNotBlank();
    }

    @Test
    void aLargeOutputReachesLaterStepsWholeAndIsTruncatedOnlyInTheHistory() {
        // 300,000 characters: above the default automateos.engine.max-step-output of 256 KB.
        String id = workflow(owner, """
                [{"id": "copy", "type": "transform.set", "version": 1, "name": "Copy",
                  "config": {"fields": {"text": "{{ $input.body.text }}"}}},
                 {"id": "measure", "type": "transform.set", "version": 1, "name": "Measure",
                  "config": {"fields": {"length": "{{ $length($input.text) }}", "text": "{{ $input.text }}"}}}]""",
                "[{\"from\": \"trigger\", \"to\": \"copy\"}, {\"from\": \"copy\", \"to\": \"measure\"}]");

        JsonNode outcome = runAndWait(owner, id, "{\"input\": {\"text\": \"" + "x".repeat(300_000) + "\"}}");

        assertThat(outcome.path("status").asString()).as(outcome.path("error").toString()).isEqualTo("succeeded");
        assertThat(outcome.path("result").path("length").asInt()).isEqualTo(300_000);
        assertThat(outcome.path("result").path("text").asString()).hasSize(300_000);
        JsonNode steps = detail(owner, outcome.path("id").asString()).path("steps");
        JsonNode big = steps.get(1).path("output");
        assertThat(steps.get(0).path("output").path("_truncated").asBoolean()).isTrue();
        assertThat(big.path("_truncated").asBoolean()).isTrue();
        assertThat(big.path("size").asInt()).isGreaterThan(300_000);
        assertThat(big.path("preview").asString()).hasSize(1_000);
        // The result step is the run's answer, so it stays whole; its input is history and is cut.
        assertThat(steps.get(2).path("output").path("text").asString()).hasSize(300_000);
        assertThat(steps.get(2).path("input").path("_truncated").asBoolean()).isTrue();
    }

    @Test
    void anExpressionErrorFailsTheRunNamingTheNodeAndTheExpression() {
        String id = workflow(owner, """
                [{"id": "set", "type": "transform.set", "version": 1, "name": "Broken set",
                  "config": {"fields": {"x": "{{ $input.body.amount + 'x' }}"}}}]""",
                "[{\"from\": \"trigger\", \"to\": \"set\"}]");

        JsonNode outcome = runAndWait(owner, id, "{\"input\": {\"amount\": 1}}");

        assertThat(outcome.path("status").asString()).isEqualTo("failed");
        assertThat(outcome.path("error").path("code").asString()).isEqualTo("expression_failed");
        assertThat(outcome.path("error").path("message").asString()).contains("Broken set").contains("$input.body.amount + 'x'");
        JsonNode step = detail(owner, outcome.path("id").asString()).path("steps").get(1);
        assertThat(step.path("status").asString()).isEqualTo("failed");
        assertThat(step.path("error").path("code").asString()).isEqualTo("expression_failed");
    }

    @Test
    void anHttpStepUsesAVaultCredentialAndTheSecretIsNeverStored() {
        String secret = "tok-" + System.nanoTime() + "-very-secret";
        String credential = http.post("/api/v1/credentials").token(owner.token())
                .body("{\"name\": \"remote " + System.nanoTime() + "\", \"type\": \"api_key\", \"data\": "
                        + "{\"token\": \"" + secret + "\", \"placement\": \"bearer\"}}")
                .send().expectStatus(201).json().path("id").asString();
        String id = workflow(owner, """
                [{"id": "call", "type": "http.request", "version": 1, "name": "Call",
                  "config": {"method": "GET", "url": "%s/secured", "credential_id": "%s",
                             "headers": {"X-Echo": "{{ $trigger.body.word }}"}}}]"""
                .formatted(baseUrl(), credential), "[{\"from\": \"trigger\", \"to\": \"call\"}]");

        JsonNode outcome = runAndWait(owner, id, "{\"input\": {\"word\": \"hello\"}}");

        assertThat(outcome.path("status").asString()).as(outcome.toString()).isEqualTo("succeeded");
        assertThat(outcome.path("result").path("body").path("path").asString()).isEqualTo("/secured");
        assertThat(AUTHORIZATIONS).contains("Bearer " + secret);
        String stored = jdbc.sql("select state from executions where id = ?")
                .param(java.util.UUID.fromString(outcome.path("id").asString())).query(String.class).single();
        assertThat(stored).contains("/secured").doesNotContain(secret);
        assertThat(detail(owner, outcome.path("id").asString()).toString()).doesNotContain(secret);
    }

    @Test
    void aRetryableFailureIsRetriedByTheNodeRetryPolicy() {
        String path = "/flaky-" + System.nanoTime();
        FAILURES_LEFT.put(path, new AtomicInteger(2));
        String id = workflow(owner, httpNode(path, ", \"retry\": {\"max_attempts\": 3, \"initial_delay_ms\": 20, "
                + "\"multiplier\": 1, \"max_delay_ms\": 50}"), "[{\"from\": \"trigger\", \"to\": \"call\"}]");

        JsonNode outcome = runAndWait(owner, id, null);

        assertThat(outcome.path("status").asString()).as(outcome.toString()).isEqualTo("succeeded");
        JsonNode call = detail(owner, outcome.path("id").asString()).path("steps").get(1);
        assertThat(call.path("attempts").asInt()).isEqualTo(3);
        assertThat(call.path("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void aFailedRunIsReRunFromItsFailedStepKeepingEarlierOutputs() {
        String path = "/once-" + System.nanoTime();
        FAILURES_LEFT.put(path, new AtomicInteger(1));
        String id = workflow(owner, """
                [{"id": "set", "type": "transform.set", "version": 1, "name": "Set",
                  "config": {"fields": {"n": "{{ $now }}"}}},
                 %s]""".formatted(httpNode(path, "").substring(1, httpNode(path, "").length() - 1)),
                "[{\"from\": \"trigger\", \"to\": \"set\"}, {\"from\": \"set\", \"to\": \"call\"}]");
        JsonNode failed = runAndWait(owner, id, null);
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        String firstSet = detail(owner, failed.path("id").asString()).path("steps").get(1).path("output").toString();

        JsonNode accepted = http.post("/api/v1/executions/" + failed.path("id").asString() + "/rerun?from=failed")
                .token(owner.token()).send().expectStatus(202).json();
        JsonNode rerun = awaitStatus(owner, accepted.path("id").asString(), s -> s.equals("succeeded"));

        assertThat(rerun.path("rerun_of").asString()).isEqualTo(failed.path("id").asString());
        assertThat(rerun.path("steps").get(1).path("output").toString()).isEqualTo(firstSet);
        assertThat(rerun.path("steps").get(2).path("status").asString()).isEqualTo("succeeded");
        http.post("/api/v1/executions/" + rerun.path("id").asString() + "/rerun?from=failed").token(owner.token())
                .send().expectProblem(409, "not_rerunnable");
        http.post("/api/v1/executions/" + rerun.path("id").asString() + "/rerun?from=middle").token(owner.token())
                .send().expectFieldError(400, "validation_failed", "from");
    }

    @Test
    void aShortWaitHoldsTheRunAsWaitingAndThenResumes() {
        String id = workflow(owner, waitNode("1"), "[{\"from\": \"trigger\", \"to\": \"pause\"}]");

        JsonNode accepted = http.post("/api/v1/workflows/" + id + "/run").token(owner.token()).send()
                .expectStatus(202).json();
        String executionId = accepted.path("id").asString();
        assertThat(accepted.path("status_url").asString()).isEqualTo("/api/v1/executions/" + executionId);
        JsonNode waiting = awaitStatus(owner, executionId, s -> !s.equals("queued") && !s.equals("running"));
        assertThat(waiting.path("status").asString()).isEqualTo("waiting");
        assertThat(waiting.path("steps").get(1).path("resume_at").asString()).isNotBlank();

        JsonNode done = awaitStatus(owner, executionId, s -> s.equals("succeeded"));
        assertThat(done.path("steps").get(1).path("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void aWaitingRunCanBeCancelledAndThenDeletedButNotBefore() {
        String id = workflow(owner, waitNode("3600"), "[{\"from\": \"trigger\", \"to\": \"pause\"}]");
        String executionId = http.post("/api/v1/workflows/" + id + "/run").token(owner.token()).send()
                .expectStatus(202).json().path("id").asString();
        awaitStatus(owner, executionId, s -> s.equals("waiting"));

        http.delete("/api/v1/executions/" + executionId).token(owner.token()).send()
                .expectProblem(409, "execution_not_finished");
        TestUser stranger = newUser(Role.USER);
        http.post("/api/v1/executions/" + executionId + "/cancel").token(stranger.token()).send()
                .expectProblem(404, "not_found");
        JsonNode cancelled = http.post("/api/v1/executions/" + executionId + "/cancel").token(owner.token()).send()
                .expectStatus(200).json();

        assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
        JsonNode detail = detail(owner, executionId);
        assertThat(detail.path("error").path("code").asString()).isEqualTo("cancelled");
        assertThat(detail.path("steps").get(1).path("status").asString()).isEqualTo("skipped");
        http.post("/api/v1/executions/" + executionId + "/cancel").token(owner.token()).send()
                .expectProblem(409, "execution_finished");
        http.delete("/api/v1/executions/" + executionId).token(stranger.token()).send()
                .expectProblem(404, "not_found");
        http.delete("/api/v1/executions/" + executionId).token(owner.token()).send().expectStatus(204);
        http.get("/api/v1/executions/" + executionId).token(owner.token()).send().expectProblem(404, "not_found");
    }

    @Test
    void theWatchdogTimesOutARunWhoseDeadlineTimerWasLost() {
        String doc = """
                {"schema_version": 1, "name": "watched %s", "settings": {"timeout_seconds": 5},
                 "trigger": {"id": "trigger", "type": "trigger.manual", "version": 1, "name": "Manual", "config": {}},
                 "nodes": %s, "connections": [{"from": "trigger", "to": "pause"}]}""".formatted(System.nanoTime(),
                waitNode("3600"));
        String id = http.post("/api/v1/workflows").token(owner.token()).body(doc).send().expectStatus(201).json()
                .path("id").asString();
        String executionId = http.post("/api/v1/workflows/" + id + "/run").token(owner.token()).send()
                .expectStatus(202).json().path("id").asString();
        awaitStatus(owner, executionId, s -> s.equals("waiting"));
        // Lose every queue item of the run (its wait and deadline timers), as a broken broker would.
        jdbc.sql("delete from work_queue where execution_id = ?").param(java.util.UUID.fromString(executionId))
                .update();

        assertThat(watchdog.sweep(java.time.Instant.now())).as("not overdue yet").isZero();
        assertThat(watchdog.sweep(java.time.Instant.now().plusSeconds(60))).isEqualTo(1);

        JsonNode detail = detail(owner, executionId);
        assertThat(detail.path("status").asString()).isEqualTo("failed");
        assertThat(detail.path("error").path("code").asString()).isEqualTo("execution_timeout");
        assertThat(watchdog.sweep(java.time.Instant.now().plusSeconds(60))).as("ended runs are left alone").isZero();
    }

    @Test
    void theListFiltersPaginatesAndKeepsUsersApart() {
        String id = workflow(owner, "[]", "[]");
        String other = workflow(owner, "[]", "[]");
        for (int i = 0; i < 3; i++) {
            runAndWait(owner, id, null);
        }
        runAndWait(owner, other, null);
        TestUser stranger = newUser(Role.USER);

        JsonNode first = http.get("/api/v1/executions?limit=2&workflow_id=" + id).token(owner.token()).send()
                .expectStatus(200).json();
        assertThat(first.path("items").size()).isEqualTo(2);
        JsonNode second = http.get("/api/v1/executions?limit=2&workflow_id=" + id + "&cursor="
                + first.path("next_cursor").asString()).token(owner.token()).send().expectStatus(200).json();
        assertThat(second.path("items").size()).isEqualTo(1);
        assertThat(second.path("next_cursor").asString("")).isEmpty();
        assertThat(http.get("/api/v1/executions?status=succeeded&trigger=manual&limit=200").token(owner.token())
                .send().expectStatus(200).json().path("items").size()).isEqualTo(4);
        assertThat(http.get("/api/v1/executions?status=failed").token(owner.token()).send().expectStatus(200)
                .json().path("items").size()).isZero();
        assertThat(http.get("/api/v1/executions?to=2000-01-01T00:00:00Z").token(owner.token()).send()
                .expectStatus(200).json().path("items").size()).isZero();
        assertThat(http.get("/api/v1/executions").token(stranger.token()).send().expectStatus(200).json()
                .path("items").size()).isZero();
        String executionId = first.path("items").get(0).path("id").asString();
        http.get("/api/v1/executions/" + executionId).token(stranger.token()).send().expectProblem(404, "not_found");
        http.post("/api/v1/workflows/" + id + "/run").token(stranger.token()).send().expectProblem(404, "not_found");
        http.get("/api/v1/executions?status=done").token(owner.token()).send()
                .expectFieldError(400, "validation_failed", "status");
        http.get("/api/v1/executions?workflow_id=nope").token(owner.token()).send()
                .expectFieldError(400, "validation_failed", "workflow_id");
        http.get("/api/v1/executions?cursor=bm90LWEtY3Vyc29y").token(owner.token()).send()
                .expectFieldError(400, "validation_failed", "cursor");

        JsonNode stats = http.get("/api/v1/workflows/" + id + "/stats").token(owner.token()).send()
                .expectStatus(200).json();
        assertThat(stats.path("runs").asInt()).isEqualTo(3);
        assertThat(stats.path("failures").asInt()).isZero();
        assertThat(stats.path("p95_duration_ms").isNumber()).isTrue();
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstExecutionInsteadOfASecondRun() {
        String id = workflow(owner, "[]", "[]");
        JsonNode first = http.post("/api/v1/workflows/" + id + "/run").token(owner.token())
                .header("Idempotency-Key", "delivery-1").send().expectStatus(202).json();
        JsonNode again = http.post("/api/v1/workflows/" + id + "/run").token(owner.token())
                .header("Idempotency-Key", "delivery-1").send().expectStatus(202).json();

        assertThat(again.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        assertThat(first.path("duplicate").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/executions?workflow_id=" + id).token(owner.token()).send().json()
                .path("items").size()).isEqualTo(1);
    }

    @Test
    void badRunRequestsAnswer400AndStartNothing() {
        String id = workflow(owner, "[]", "[]");
        http.post("/api/v1/workflows/" + id + "/run?wait=true&timeout=forever").token(owner.token()).send()
                .expectFieldError(400, "validation_failed", "timeout");
        http.post("/api/v1/workflows/" + id + "/run").token(owner.token()).body("{\"inputs\": {}}").send()
                .expectStatus(400);
        http.post("/api/v1/workflows/" + java.util.UUID.randomUUID() + "/run").token(owner.token()).send()
                .expectProblem(404, "not_found");
        assertThat(http.get("/api/v1/executions?workflow_id=" + id).token(owner.token()).send().json()
                .path("items").size()).isZero();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String httpNode(String path, String extra) {
        return """
                [{"id": "call", "type": "http.request", "version": 1, "name": "Call",
                  "config": {"url": "%s%s", "options": {"retry": {"max_attempts": 1}}}%s}]"""
                .formatted(baseUrl(), path, extra);
    }

    private static String waitNode(String seconds) {
        return """
                [{"id": "pause", "type": "core.wait", "version": 1, "name": "Pause",
                  "config": {"duration": "%s"}}]""".formatted(seconds);
    }

    private String workflow(TestUser user, String nodes, String connections) {
        String doc = """
                {"schema_version": 1, "name": "exec %s", "trigger": {"id": "trigger", "type": "trigger.manual",
                 "version": 1, "name": "Manual", "config": {}}, "nodes": %s, "connections": %s}"""
                .formatted(System.nanoTime(), nodes, connections);
        return http.post("/api/v1/workflows").token(user.token()).body(doc).send().expectStatus(201).json()
                .path("id").asString();
    }

    private JsonNode runAndWait(TestUser user, String workflowId, String body) {
        var call = http.post("/api/v1/workflows/" + workflowId + "/run?wait=true&timeout=20s").token(user.token());
        if (body != null) {
            call.body(body);
        }
        return call.send().expectStatus(200).json();
    }

    private JsonNode detail(TestUser user, String executionId) {
        return http.get("/api/v1/executions/" + executionId).token(user.token()).send().expectStatus(200).json();
    }

    private JsonNode awaitStatus(TestUser user, String executionId, Predicate<String> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            JsonNode detail = detail(user, executionId);
            if (done.test(detail.path("status").asString()) || System.nanoTime() > deadline) {
                return detail;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

}
