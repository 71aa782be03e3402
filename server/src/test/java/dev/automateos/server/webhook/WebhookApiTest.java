package dev.automateos.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.support.TestResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookApiTest extends WebhookTestSupport {

    private static final String ORDER = "{\"id\": 42, \"amount\": 15}";

    @Test
    void immediateModeAnswers202WithTheCommittedExecution() {
        var user = newUser(Role.USER);
        UUID workflow = activeWorkflow(user, document("{\"methods\": [\"POST\"]}"));

        TestResponse response = http.post(path(user, workflow, "url")).body(ORDER).send().expectStatus(202);

        UUID execution = UUID.fromString(response.json().path("execution_id").asString());
        assertThat(response.json().path("status_url").asString()).isEqualTo("/api/v1/executions/" + execution);
        assertThat(response.header("Location")).isEqualTo("/api/v1/executions/" + execution);
        assertThat(jdbc.sql("select workflow_id from executions where id = ?").param(execution).query(UUID.class)
                .single()).isEqualTo(workflow);
        http.get(response.json().path("status_url").asString()).token(user.token()).send().expectStatus(200);
        http.get(response.json().path("status_url").asString()).token(newUser(Role.USER).token()).send()
                .expectProblem(404, "not_found");
    }

    @Test
    void whenFinishedModeAnswersWithTheLastNodesOutput() {
        var user = newUser(Role.USER);
        UUID workflow = activeWorkflow(user, document("{\"response_mode\": \"when_finished\"}"));

        JsonNode result = http.post(path(user, workflow, "url")).body(ORDER).send().expectStatus(200).json();

        assertThat(result.path("order_id").asInt()).isEqualTo(42);
        assertThat(result.path("doubled").asInt()).isEqualTo(30);
    }

    @Test
    void aRespondNodeSetsStatusHeadersAndBody() {
        var user = newUser(Role.USER);
        UUID workflow = activeWorkflow(user, respondingDocument("{\"response_mode\": \"when_finished\"}"));

        TestResponse response = http.post(path(user, workflow, "url")).body(ORDER).send().expectStatus(201);

        assertThat(response.header("Location")).isEqualTo("/orders/42");
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("id").asInt()).isEqualTo(42);
        assertThat(response.json().path("accepted").asBoolean()).isTrue();
    }

    @Test
    void theTestUrlRunsAnInactiveWorkflowAndTheLiveUrlDoesNot() {
        var user = newUser(Role.USER);
        UUID workflow = create(user, document("{\"response_mode\": \"when_finished\"}"));

        http.post(path(user, workflow, "url")).body(ORDER).send().expectProblem(404, "not_found");
        assertThat(executions(workflow)).isZero();
        JsonNode result = http.post(path(user, workflow, "test_url")).body(ORDER).send().expectStatus(200).json();

        assertThat(result.path("doubled").asInt()).isEqualTo(30);
        assertThat(executions(workflow)).isEqualTo(1);
    }

    @Test
    void unknownAndMalformedPathsAnswer404() {
        http.post("/webhook/" + "A".repeat(32)).body(ORDER).send().expectProblem(404, "not_found");
        http.post("/webhook/short").body(ORDER).send().expectProblem(404, "not_found");
        http.post("/webhook-test/" + "b".repeat(32)).body(ORDER).send().expectProblem(404, "not_found");
        http.post("/webhook/u/nobody-here/orders").body(ORDER).send().expectProblem(404, "not_found");
    }

    @Test
    void aDeactivatedWorkflowAnswers404() {
        var user = newUser(Role.USER);
        UUID workflow = activeWorkflow(user, document("{}"));
        String url = path(user, workflow, "url");
        http.patch("/api/v1/workflows/" + workflow).token(user.token()).body("{\"active\": false}").send().expectStatus(200);

        http.post(url).body(ORDER).send().expectProblem(404, "not_found");

        assertThat(executions(workflow)).isZero();
    }

    @Test
    void aMethodTheTriggerDoesNotAcceptAnswers405AndStartsNothing() {
        var user = newUser(Role.USER);
        UUID workflow = activeWorkflow(user, document("{\"methods\": [\"POST\", \"PUT\"]}"));
        String url = path(user, workflow, "url");

        TestResponse response = http.get(url).send();
        response.expectProblem(405, "method_not_allowed");
        http.delete(url).send().expectProblem(405, "method_not_allowed");

        assertThat(response.header("Allow")).isEqualTo("POST, PUT");
        assertThat(executions(workflow)).isZero();
        http.put(url).body(ORDER).send().expectStatus(202);
    }

    @Test
    void getPassesQueryAndHeadersThrough() {
        var user = newUser(Role.USER);
        var doc = document("{\"methods\": [\"GET\"], \"response_mode\": \"when_finished\"}");
        doc.withArray("nodes").removeAll();
        doc.withArray("connections").removeAll();
        doc.withArray("nodes").add(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("id", "echo").put("type", "transform.set").put("version", 1).put("name", "Echo")
                .set("config", dev.automateos.server.support.TestHttp.parse(
                        "{\"fields\": {\"q\": \"{{ $trigger.query }}\", \"h\": \"{{ $trigger.headers }}\","
                                + " \"m\": \"{{ $trigger.method }}\", \"b\": \"{{ $trigger.body }}\"}}")));
        doc.withArray("connections").add(dev.automateos.server.support.TestHttp.parse(
                "{\"from\": \"hook\", \"to\": \"echo\"}"));
        UUID workflow = activeWorkflow(user, doc);

        JsonNode echo = http.get(path(user, workflow, "url") + "?source=shop&tag=a&tag=b&name=J%C3%BCrgen")
                .header("X-Shop-Id", "7").header("Cookie", "session=secret-cookie").send().expectStatus(200).json();

        assertThat(echo.path("m").asString()).isEqualTo("GET");
        assertThat(echo.path("q").path("source").asString()).isEqualTo("shop");
        assertThat(echo.path("q").path("tag").asString()).isEqualTo("a,b");
        assertThat(echo.path("q").path("name").asString()).isEqualTo("Jürgen");
        assertThat(echo.path("h").path("x-shop-id").asString()).isEqualTo("7");
        assertThat(echo.path("h").path("cookie").asString()).isEqualTo("[redacted]");
        assertThat(echo.path("b").isNull() || echo.path("b").isMissingNode()).isTrue();
    }

    @Test
    void formAndRawBodiesArriveAsObjectAndText() {
        var user = newUser(Role.USER);
        var doc = document("{\"response_mode\": \"when_finished\"}");
        doc.withArray("nodes").removeAll();
        doc.withArray("connections").removeAll();
        doc.withArray("nodes").add(dev.automateos.server.support.TestHttp.parse("""
                {"id": "echo", "type": "transform.set", "version": 1, "name": "Echo",
                 "config": {"fields": {"body": "{{ $trigger.body }}"}}}"""));
        doc.withArray("connections").add(dev.automateos.server.support.TestHttp.parse(
                "{\"from\": \"hook\", \"to\": \"echo\"}"));
        UUID workflow = activeWorkflow(user, doc);
        String url = path(user, workflow, "url");

        JsonNode form = http.post(url).body("application/x-www-form-urlencoded", "name=Ada+L&tag=x&tag=y&empty=")
                .send().expectStatus(200).json().path("body");
        JsonNode text = http.post(url).body("text/plain; charset=utf-8", "hello, world").send().expectStatus(200)
                .json().path("body");
        JsonNode xml = http.post(url).body("application/xml", "<order id=\"1\"/>").send().expectStatus(200)
                .json().path("body");

        assertThat(form.path("name").asString()).isEqualTo("Ada L");
        assertThat(form.path("tag").isArray()).isTrue();
        assertThat(form.path("tag").get(1).asString()).isEqualTo("y");
        assertThat(form.path("empty").asString()).isEmpty();
        assertThat(text.asString()).isEqualTo("hello, world");
        assertThat(xml.asString()).isEqualTo("<order id=\"1\"/>");
    }

    @Test
    void malformedJsonAnswers400AndStartsNothing() {
        var user = newUser(Role.USER);
        UUID workflow = activeWorkflow(user, document("{}"));

        http.post(path(user, workflow, "url")).body("{\"id\": ").send().expectProblem(400, "malformed_body");

        assertThat(executions(workflow)).isZero();
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstExecutionAndStartsNoOther() {
        var user = newUser(Role.USER);
        UUID workflow = activeWorkflow(user, document("{}"));
        String url = path(user, workflow, "url");
        String key = "delivery-" + UUID.randomUUID();

        JsonNode first = http.post(url).header("Idempotency-Key", key).body(ORDER).send().expectStatus(202).json();
        JsonNode again = http.post(url).header("Idempotency-Key", key).body(ORDER).send().expectStatus(202).json();

        assertThat(again.path("execution_id").asString()).isEqualTo(first.path("execution_id").asString());
        assertThat(first.path("duplicate").asBoolean()).isFalse();
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        assertThat(executions(workflow)).isEqualTo(1);
    }

    @Test
    void aDuplicateDeliveryInWhenFinishedModeGetsTheFirstRunsAnswer() {
        var user = newUser(Role.USER);
        UUID workflow = activeWorkflow(user, respondingDocument("{\"response_mode\": \"when_finished\"}"));
        String url = path(user, workflow, "url");

        http.post(url).header("Idempotency-Key", "k-1").body(ORDER).send().expectStatus(201);
        TestResponse again = http.post(url).header("Idempotency-Key", "k-1").body("{\"id\": 99, \"amount\": 50}")
                .send().expectStatus(201);

        assertThat(again.json().path("id").asInt()).isEqualTo(42);
        assertThat(executions(workflow)).isEqualTo(1);
    }

    @Test
    void aBadIdempotencyKeyAnswers400() {
        var user = newUser(Role.USER);
        UUID workflow = activeWorkflow(user, document("{}"));

        http.post(path(user, workflow, "url")).header("Idempotency-Key", "x".repeat(300)).body(ORDER).send()
                .expectFieldError(400, "validation_failed", "Idempotency-Key");

        assertThat(executions(workflow)).isZero();
    }

    @Test
    void aFailedRunAnswers502WithItsExecutionId() {
        var user = newUser(Role.USER);
        var doc = document("{\"response_mode\": \"when_finished\"}");
        doc.withArray("nodes").add(dev.automateos.server.support.TestHttp.parse("""
                {"id": "stop", "type": "core.stop_error", "version": 1, "name": "Stop",
                 "config": {"message": "No stock for {{ $trigger.body.id }}", "code": "no_stock"}}"""));
        doc.withArray("connections").add(dev.automateos.server.support.TestHttp.parse(
                "{\"from\": \"shape\", \"to\": \"stop\"}"));
        UUID workflow = activeWorkflow(user, doc);

        JsonNode problem = http.post(path(user, workflow, "url")).body(ORDER).send()
                .expectProblem(502, "execution_failed");

        assertThat(problem.path("execution_status").asString()).isEqualTo("failed");
        assertThat(problem.path("error_code").asString()).isEqualTo("no_stock");
        assertThat(problem.path("detail").asString()).doesNotContain("No stock");
        assertThat(executions(workflow)).isEqualTo(1);
    }
}
