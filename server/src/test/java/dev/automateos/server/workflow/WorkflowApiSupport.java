package dev.automateos.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.support.ApiTest;
import dev.automateos.server.support.TestHttp;
import dev.automateos.server.support.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Documents, calls and row counts the workflow API tests share. Same Spring context as every ApiTest. */
abstract class WorkflowApiSupport extends ApiTest {

    static final String BASE = "/api/v1/workflows";

    @Autowired
    JdbcClient jdbc;

    /** A valid two-step workflow: a manual trigger feeding a transform.set node. */
    static ObjectNode document(String name, String... tags) {
        var doc = (ObjectNode) TestHttp.parse("""
                {"schema_version": 1, "name": "", "description": "Says hello.", "tags": [],
                 "trigger": {"id": "start", "type": "trigger.manual", "version": 1, "name": "Start", "config": {}},
                 "nodes": [{"id": "greet", "type": "transform.set", "version": 1, "name": "Greet",
                            "config": {"fields": {"greeting": "Hello {{ $trigger.body.name }}"}}}],
                 "connections": [{"from": "start", "to": "greet"}],
                 "settings": {}, "vars": {"region": "eu", "unset": null}}""");
        doc.put("name", name);
        var array = doc.putArray("tags");
        for (String tag : tags) {
            array.add(tag);
        }
        return doc;
    }

    /** A document with a node added: a change the diff and the version history can see. */
    static ObjectNode withExtraNode(ObjectNode doc) {
        var copy = doc.deepCopy();
        copy.withArray("nodes").add(TestHttp.parse("""
                {"id": "idle", "type": "core.noop", "version": 1, "name": "Idle", "config": {}}"""));
        copy.withArray("connections").add(TestHttp.parse("""
                {"from": "greet", "to": "idle"}"""));
        return copy;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    JsonNode create(TestUser user, JsonNode doc) {
        return http.post(BASE).token(user.token()).body(doc).send().expectStatus(201).json();
    }

    TestResponse put(TestUser user, String id, JsonNode doc) {
        return http.put(BASE + "/" + id).token(user.token()).body(doc).send();
    }

    /** Every id a list returns when walked to its end with {@code limit} per page. */
    List<String> walk(TestUser user, String query, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            String path = BASE + "?limit=" + limit + query + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = http.get(path).token(user.token()).send().expectStatus(200).json();
            assertThat(page.path("items").size()).isLessThanOrEqualTo(limit);
            page.path("items").forEach(item -> ids.add(item.path("id").asString()));
            if (page.path("next_cursor").isNull() || page.path("next_cursor").isMissingNode()) {
                return ids;
            }
            cursor = page.path("next_cursor").asString();
        }
        throw new AssertionError("The list never ended");
    }

    long workflowRows(UUID ownerId) {
        return jdbc.sql("select count(*) from workflows where owner_id = ?").param(ownerId).query(Long.class).single();
    }

    long versionRows(String workflowId) {
        return jdbc.sql("select count(*) from workflow_versions where workflow_id = ?")
                .param(UUID.fromString(workflowId)).query(Long.class).single();
    }

    long allVersionRowsOf(UUID ownerId) {
        return jdbc.sql("select count(*) from workflow_versions v join workflows w on w.id = v.workflow_id "
                + "where w.owner_id = ?").param(ownerId).query(Long.class).single();
    }
}
