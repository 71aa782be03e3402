package dev.automateos.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.support.ApiTest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DashboardApiTest extends ApiTest {

    private TestUser owner;
    private String passing;
    private String failing;

    @BeforeEach
    void twoWorkflowsWithRuns() {
        owner = newUser(Role.USER);
        passing = create("Passing", "{\"id\": \"done\", \"type\": \"core.noop\", \"version\": 1, \"name\": \"Done\", \"config\": {}}");
        failing = create("Failing", "{\"id\": \"stop\", \"type\": \"core.stop_error\", \"version\": 1, \"name\": \"Stop\","
                + " \"config\": {\"message\": \"no\"}}");
        run(passing, "succeeded");
        run(passing, "succeeded");
        run(failing, "failed");
    }

    @Test
    void activityGivesLastRunSuccessRateAndRecentStatusesOldestFirst() {
        run(failing, "failed");
        JsonNode items = activity(owner.token(), passing, failing).path("items");
        assertThat(items).hasSize(2);
        JsonNode pass = items.get(0);
        assertThat(pass.path("workflow_id").asString()).isEqualTo(passing);
        assertThat(pass.path("runs").asLong()).isEqualTo(2);
        assertThat(pass.path("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(pass.path("last_run").path("status").asString()).isEqualTo("succeeded");
        assertThat(pass.path("recent")).hasSize(2);
        JsonNode fail = items.get(1);
        assertThat(fail.path("failures").asLong()).isEqualTo(2);
        assertThat(fail.path("success_rate").asDouble()).isEqualTo(0.0);
        assertThat(fail.path("recent").get(1).path("status").asString()).isEqualTo("failed");
    }

    @Test
    void recentIsCappedToTheNumberAsked() {
        JsonNode item = http.get("/api/v1/dashboard/workflow-activity?workflow_id=" + passing + "&recent=1")
                .token(owner.token()).send().expectStatus(200).json().path("items").get(0);
        assertThat(item.path("recent")).hasSize(1);
        assertThat(item.path("runs").asLong()).isEqualTo(2);
    }

    @Test
    void aWorkflowWithoutRunsHasNoRateAndNoLastRun() {
        String idle = create("Idle", "{\"id\": \"done\", \"type\": \"core.noop\", \"version\": 1, \"name\": \"Done\", \"config\": {}}");
        JsonNode item = activity(owner.token(), idle).path("items").get(0);
        assertThat(item.path("runs").asLong()).isZero();
        assertThat(item.has("success_rate")).isFalse();
        assertThat(item.has("last_run")).isFalse();
        assertThat(item.path("recent")).isEmpty();
    }

    @Test
    void anotherUsersWorkflowsAreLeftOutButAdminsAndObserversSeeThem() {
        TestUser stranger = newUser(Role.USER);
        assertThat(activity(stranger.token(), passing, failing).path("items")).isEmpty();
        assertThat(activity(newUser(Role.ADMIN).token(), passing).path("items")).hasSize(1);
        assertThat(activity(newUser(Role.OBSERVER).token(), passing).path("items")).hasSize(1);
    }

    @Test
    void summaryCountsOnlyTheCallersRunsSinceTheGivenMoment() {
        JsonNode mine = summary(owner.token(), Instant.now().minusSeconds(3600));
        assertThat(mine.path("runs").asLong()).isEqualTo(3);
        assertThat(mine.path("succeeded").asLong()).isEqualTo(2);
        assertThat(mine.path("failures").asLong()).isEqualTo(1);
        assertThat(mine.path("in_progress").asLong()).isZero();
        assertThat(summary(owner.token(), Instant.now().plusSeconds(3600)).path("runs").asLong()).isZero();
        assertThat(summary(newUser(Role.USER).token(), Instant.now().minusSeconds(3600)).path("runs").asLong()).isZero();
        assertThat(summary(newUser(Role.ADMIN).token(), Instant.now().minusSeconds(3600)).path("runs").asLong())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void summaryDefaultsToTheLast24Hours() {
        JsonNode summary = http.get("/api/v1/dashboard/summary").token(owner.token()).send().expectStatus(200).json();
        assertThat(summary.path("runs").asLong()).isEqualTo(3);
        assertThat(Instant.parse(summary.path("since").asString())).isBefore(Instant.now().minusSeconds(23 * 3600));
    }

    @Test
    void badParametersAnswer400NamingTheParameter() {
        http.get("/api/v1/dashboard/summary?since=yesterday").token(owner.token()).send()
                .expectFieldError(400, "validation_failed", "since");
        http.get("/api/v1/dashboard/workflow-activity?workflow_id=" + passing + "&recent=0").token(owner.token())
                .send().expectFieldError(400, "validation_failed", "recent");
        http.get("/api/v1/dashboard/workflow-activity?workflow_id=not-a-uuid").token(owner.token()).send()
                .expectProblem(400, "validation_failed");
        StringBuilder many = new StringBuilder("/api/v1/dashboard/workflow-activity?");
        for (int i = 0; i < 101; i++) {
            many.append("workflow_id=").append(java.util.UUID.randomUUID()).append('&');
        }
        http.get(many.toString()).token(owner.token()).send().expectFieldError(400, "validation_failed", "workflow_id");
    }

    @Test
    void noTokenIsUnauthenticated() {
        http.get("/api/v1/dashboard/summary").send().expectProblem(401, "unauthenticated");
    }

    private JsonNode activity(String token, String... ids) {
        StringBuilder query = new StringBuilder();
        for (String id : ids) {
            query.append(query.isEmpty() ? "?" : "&").append("workflow_id=").append(id);
        }
        return http.get("/api/v1/dashboard/workflow-activity" + query).token(token).send().expectStatus(200).json();
    }

    private JsonNode summary(String token, Instant since) {
        return http.get("/api/v1/dashboard/summary?since=" + since).token(token).send().expectStatus(200).json();
    }

    private String create(String name, String node) {
        String document = """
                {"schema_version": 1, "name": "%s", "trigger": {"id": "trigger", "type": "trigger.manual",
                 "version": 1, "name": "Manual", "config": {}}, "nodes": [%s],
                 "connections": [{"from": "trigger", "to": "%s"}]}"""
                .formatted(name + " " + System.nanoTime(), node, node.contains("\"stop\"") ? "stop" : "done");
        return http.post("/api/v1/workflows").token(owner.token()).body(document).send().expectStatus(201).json()
                .path("id").asString();
    }

    private void run(String workflowId, String expected) {
        JsonNode result = http.post("/api/v1/workflows/" + workflowId + "/run?wait=true&timeout=20s")
                .token(owner.token()).send().expectStatus(200).json();
        assertThat(result.path("status").asString()).isEqualTo(expected);
    }
}
