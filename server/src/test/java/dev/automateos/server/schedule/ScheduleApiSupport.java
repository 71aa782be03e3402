package dev.automateos.server.schedule;

import dev.automateos.server.support.ApiTest;
import dev.automateos.server.support.TestHttp;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Documents and calls the schedule tests share. Every test runs in the one shared API-test server,
 * whose scheduler fires whatever is active; so each test deactivates what it activated.
 */
abstract class ScheduleApiSupport extends ApiTest {

    static final String BASE = "/api/v1/workflows";

    @Autowired
    JdbcClient jdbc;

    private final java.util.List<Runnable> cleanUps = new java.util.ArrayList<>();

    @AfterEach
    void deactivateWhatWasActivated() {
        cleanUps.forEach(Runnable::run);
    }

    /** A workflow with a schedule trigger of this config, feeding a no-op node. */
    static ObjectNode scheduled(String name, String config) {
        return (ObjectNode) TestHttp.parse("""
                {"schema_version": 1, "name": "%s",
                 "trigger": {"id": "tick", "type": "trigger.schedule", "version": 1, "name": "Tick", "config": %s},
                 "nodes": [{"id": "done", "type": "core.noop", "version": 1, "name": "Done", "config": {}}],
                 "connections": [{"from": "tick", "to": "done"}]}""".formatted(name, config));
    }

    static ObjectNode manual(String name) {
        return (ObjectNode) TestHttp.parse("""
                {"schema_version": 1, "name": "%s",
                 "trigger": {"id": "tick", "type": "trigger.manual", "version": 1, "name": "Tick", "config": {}},
                 "nodes": [{"id": "done", "type": "core.noop", "version": 1, "name": "Done", "config": {}}],
                 "connections": [{"from": "tick", "to": "done"}]}""".formatted(name));
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    String create(TestUser user, JsonNode doc) {
        return http.post(BASE).token(user.token()).body(doc).send().expectStatus(201).json().path("id").asString();
    }

    void activate(TestUser user, String id) {
        setActive(user, id, true);
        cleanUps.add(() -> http.patch(BASE + "/" + id).token(user.token()).body("{\"active\": false}").send());
    }

    void setActive(TestUser user, String id, boolean active) {
        http.patch(BASE + "/" + id).token(user.token()).body("{\"active\": " + active + "}").send().expectStatus(200);
    }

    /** The workflow's schedule row, as (version, config, next_fire_at, generation). */
    Optional<Row> row(String workflowId) {
        return jdbc.sql("select workflow_version, config, next_fire_at, generation from schedules where workflow_id = ?")
                .param(UUID.fromString(workflowId))
                .query((rs, n) -> new Row(rs.getInt(1), TestHttp.parse(rs.getString(2)),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getLong(4)))
                .optional();
    }

    record Row(int version, JsonNode config, java.time.Instant nextFireAt, long generation) {
    }
}
