package dev.automateos.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Standalone mode (one process, embedded H2, every role): a schedule fires in-process, each
 * occurrence once, with the occurrence in the execution's trigger payload; and a change reaches the
 * scheduler at once.
 */
class ScheduleFiringTest extends ScheduleApiSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void anEverySecondScheduleFiresEachOccurrenceOnceWithItsTimesInThePayload() throws Exception {
        TestUser alice = newUser(Role.USER);
        String id = create(alice, scheduled(unique("Every second"),
                "{\"cron\": \"* * * * * *\", \"timezone\": \"Asia/Kolkata\"}"));
        activate(alice, id);

        List<JsonNode> fired = awaitExecutions(alice, id, 4);
        setActive(alice, id, false);
        Instant deactivated = Instant.now();

        List<Instant> scheduled = new ArrayList<>();
        for (JsonNode summary : fired) {
            JsonNode execution = http.get("/api/v1/executions/" + summary.path("id").asString()).token(alice.token())
                    .send().expectStatus(200).json();
            assertThat(execution.path("trigger_kind").asString()).isEqualTo("schedule");
            assertThat(execution.path("status").asString()).isEqualTo("succeeded");
            JsonNode payload = execution.path("trigger_payload");
            Instant at = Instant.parse(payload.path("scheduled_at").asString());
            Instant firedAt = Instant.parse(payload.path("fired_at").asString());
            assertThat(at.getNano()).as("cron occurrences fall on whole seconds").isZero();
            assertThat(firedAt).isAfterOrEqualTo(at).isBefore(at.plusSeconds(5));
            assertThat(payload.path("timezone").asString()).isEqualTo("Asia/Kolkata");
            assertThat(payload.path("local_time").asString())
                    .isEqualTo(LocalDateTime.ofInstant(at, ZoneId.of("Asia/Kolkata")).toString());
            assertThat(payload.has("missed")).as("on time: nothing missed").isFalse();
            JsonNode trigger = execution.path("steps").valueStream()
                    .filter(s -> s.path("node_id").asString().equals("tick")).findFirst().orElseThrow();
            assertThat(trigger.path("output").path("scheduled_at").asString()).isEqualTo(at.toString());
            scheduled.add(at);
        }
        assertThat(scheduled).doesNotHaveDuplicates();

        Thread.sleep(1_500);
        List<JsonNode> after = executions(alice, id);
        for (JsonNode summary : after) {
            JsonNode execution = http.get("/api/v1/executions/" + summary.path("id").asString()).token(alice.token())
                    .send().expectStatus(200).json();
            assertThat(Instant.parse(execution.path("trigger_payload").path("scheduled_at").asString()))
                    .as("nothing fires after the deactivation committed").isBeforeOrEqualTo(deactivated);
        }
        List<Instant> all = after.stream().map(s -> s.path("id").asString()).map(e -> http.get("/api/v1/executions/"
                + e).token(alice.token()).send().json().path("trigger_payload").path("scheduled_at").asString())
                .map(Instant::parse).sorted().toList();
        assertThat(all).doesNotHaveDuplicates();
        assertThat(Duration.between(all.getFirst(), all.getLast()).toSeconds()).as("no occurrence was skipped: %s", all)
                .isEqualTo(all.size() - 1);
    }

    @Test
    void anEditTakesEffectAtOnce() throws Exception {
        TestUser alice = newUser(Role.USER);
        String name = unique("Edited");
        String id = create(alice, scheduled(name, "{\"cron\": \"* * * * * *\"}"));
        activate(alice, id);
        awaitExecutions(alice, id, 2);

        http.put(BASE + "/" + id).token(alice.token()).body(scheduled(name, "{\"cron\": \"0 0 1 1 *\"}")).send()
                .expectStatus(200);
        Instant edited = Instant.now();
        Thread.sleep(1_500);

        for (JsonNode summary : executions(alice, id)) {
            JsonNode execution = http.get("/api/v1/executions/" + summary.path("id").asString()).token(alice.token())
                    .send().expectStatus(200).json();
            assertThat(execution.path("workflow_version").asInt()).as("the old version never runs after the edit")
                    .isEqualTo(1);
            assertThat(Instant.parse(execution.path("trigger_payload").path("scheduled_at").asString()))
                    .isBeforeOrEqualTo(edited);
        }
    }

    @Test
    void firesAreTimedInTheLatenessMetric() throws Exception {
        TestUser alice = newUser(Role.USER);
        String id = create(alice, scheduled(unique("Metered"), "{\"interval\": \"PT1S\"}"));
        activate(alice, id);
        awaitExecutions(alice, id, 2);

        String metrics = http.get("/metrics").send().expectStatus(200).text();

        assertThat(metrics).contains("automateos_schedule_fire_lateness_seconds_count",
                "automateos_schedule_fire_lateness_seconds_bucket", "automateos_schedule_fires_total",
                "automateos_schedule_pending");
    }

    private List<JsonNode> awaitExecutions(TestUser user, String workflowId, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<JsonNode> found = List.of();
        while (System.nanoTime() < deadline) {
            found = executions(user, workflowId);
            if (found.size() >= atLeast && found.stream().allMatch(e -> e.path("status").asString().equals("succeeded"))) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("fewer than " + atLeast + " finished scheduled runs in " + PATIENCE + ": " + found);
    }

    private List<JsonNode> executions(TestUser user, String workflowId) {
        return http.get("/api/v1/executions?workflow_id=" + workflowId + "&trigger=schedule&limit=200")
                .token(user.token()).send().expectStatus(200).json().path("items").valueStream().toList();
    }
}
