package dev.automateos.server.webhook;

import dev.automateos.server.support.ApiTest;
import dev.automateos.server.support.TestHttp;
import java.net.URI;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Workflows, credentials and row counts the webhook tests share. Same Spring context as every ApiTest. */
abstract class WebhookTestSupport extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    /** webhook -> filter (amount > 10) -> transform; the trigger config is the caller's. */
    static ObjectNode document(String triggerConfig) {
        var doc = (ObjectNode) TestHttp.parse("""
                {"schema_version": 1, "name": "", "tags": [],
                 "trigger": {"id": "hook", "type": "trigger.webhook", "version": 1, "name": "Hook", "config": {}},
                 "nodes": [
                   {"id": "big", "type": "flow.filter", "version": 1, "name": "Big orders",
                    "config": {"condition": {"combinator": "and", "conditions": [
                      {"left": "{{ $input.body.amount }}", "operator": "greater_than", "right": "10"}]}}},
                   {"id": "shape", "type": "transform.set", "version": 1, "name": "Shape",
                    "config": {"fields": {"order_id": "{{ $trigger.body.id }}", "doubled": "{{ $trigger.body.amount * 2 }}"}}}
                 ],
                 "connections": [{"from": "hook", "to": "big"}, {"from": "big", "to": "shape"}]}""");
        doc.put("name", "hook-" + UUID.randomUUID());
        ((ObjectNode) doc.get("trigger")).set("config", TestHttp.parse(triggerConfig));
        return doc;
    }

    /** A webhook whose last node is a Respond node. */
    static ObjectNode respondingDocument(String triggerConfig) {
        ObjectNode doc = document(triggerConfig);
        doc.withArray("nodes").add(TestHttp.parse("""
                {"id": "answer", "type": "webhook.respond", "version": 1, "name": "Answer",
                 "config": {"status": 201, "headers": {"Location": "/orders/{{ $trigger.body.id }}"},
                            "body": "{{ {\\"id\\": $trigger.body.id, \\"accepted\\": true} }}"}}"""));
        doc.withArray("connections").add(TestHttp.parse("{\"from\": \"shape\", \"to\": \"answer\"}"));
        return doc;
    }

    UUID create(TestUser user, JsonNode doc) {
        JsonNode created = http.post("/api/v1/workflows").token(user.token()).body(doc).send().expectStatus(201).json();
        return UUID.fromString(created.path("id").asString());
    }

    void activate(TestUser user, UUID id) {
        http.patch("/api/v1/workflows/" + id).token(user.token()).body("{\"active\": true}").send().expectStatus(200);
    }

    UUID activeWorkflow(TestUser user, JsonNode doc) {
        UUID id = create(user, doc);
        activate(user, id);
        return id;
    }

    JsonNode info(TestUser user, UUID workflowId) {
        return http.get("/api/v1/workflows/" + workflowId + "/webhook").token(user.token()).send().expectStatus(200).json();
    }

    /** The path of one of the URLs the info endpoint gives ({@code url}, {@code test_url}, {@code custom_url}). */
    String path(TestUser user, UUID workflowId, String field) {
        return URI.create(info(user, workflowId).path(field).asString()).getRawPath();
    }

    UUID credential(TestUser user, String type, String data) {
        JsonNode body = TestHttp.parse("{\"name\": \"cred-" + UUID.randomUUID() + "\", \"type\": \"" + type
                + "\", \"data\": " + data + "}");
        JsonNode created = http.post("/api/v1/credentials").token(user.token()).body(body).send().expectStatus(201).json();
        return UUID.fromString(created.path("id").asString());
    }

    long executions(UUID workflowId) {
        return jdbc.sql("select count(*) from executions where workflow_id = ?").param(workflowId)
                .query(Long.class).single();
    }

    String executionState(UUID executionId) {
        return jdbc.sql("select state from executions where id = ?").param(executionId).query(String.class).single();
    }
}
