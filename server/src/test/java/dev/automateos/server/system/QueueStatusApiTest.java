package dev.automateos.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.support.ApiTest;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QueueStatusApiTest extends ApiTest {

    private JsonNode queue(TestUser admin) {
        return http.get("/api/v1/system/queue").token(admin.token()).send().expectStatus(200).json();
    }

    private JsonNode awaitQueue(TestUser admin, Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode status = queue(admin);
        while (!until.test(status) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = queue(admin);
        }
        return status;
    }

    @Test
    void showsEveryLaneAndThisProcessAsALiveWorker() throws Exception {
        TestUser admin = newUser(Role.ADMIN);
        long pid = ProcessHandle.current().pid();

        JsonNode status = awaitQueue(admin, s -> s.path("workers").valueStream()
                .anyMatch(w -> w.path("pid").asLong() == pid && w.path("alive").asBoolean()));

        assertThat(status.path("broker").asString()).isEqualTo("database");
        assertThat(status.path("lanes").propertyNames()).containsExactly("critical", "high", "medium", "low");
        assertThat(status.path("lanes").path("high").has("ready")).isTrue();
        assertThat(status.has("oldest_waiting_ms")).isTrue();
        JsonNode me = status.path("workers").valueStream().filter(w -> w.path("pid").asLong() == pid).findFirst()
                .orElseThrow();
        assertThat(me.path("slots").asInt()).isPositive();
        assertThat(me.path("roles").asString()).contains("worker");
    }

    @Test
    void countsRunsThatEndedInTheLastMinute() throws Exception {
        TestUser admin = newUser(Role.ADMIN);
        String workflow = http.post("/api/v1/workflows").token(admin.token()).body("""
                {"schema_version": 1, "name": "Counted", "trigger": {"id": "t", "type": "trigger.manual",
                 "version": 1, "name": "Run", "config": {}}, "nodes": [], "connections": []}""")
                .send().expectStatus(201).json().path("id").asString();
        // Other tests' runs on this shared server leave the window as they age, so the count is not
        // compared with an earlier one: whatever else it holds, it holds these runs for a minute.
        int runs = 3;
        for (int i = 0; i < runs; i++) {
            http.post("/api/v1/workflows/" + workflow + "/run?wait=true").token(admin.token()).send()
                    .expectStatus(200);
        }

        JsonNode status = awaitQueue(admin,
                s -> s.path("throughput_last_minute").path("completed").asLong() >= runs);

        assertThat(status.path("throughput_last_minute").path("completed").asLong()).isGreaterThanOrEqualTo(runs);
    }

    @Test
    void isForAdminsOnly() {
        TestUser user = newUser(Role.USER);

        http.get("/api/v1/system/queue").token(user.token()).send().expectProblem(403, "forbidden");
    }
}
