package dev.automateos.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Schedules follow their workflows (activation, new versions, deletion) and are checked on save. */
class ScheduleApiTest extends ScheduleApiSupport {

    @Test
    void activatingMakesTheScheduleAndDeactivatingRemovesIt() {
        TestUser alice = newUser(Role.USER);
        String id = create(alice, scheduled(unique("Hourly"), "{\"cron\": \"0 * * * *\"}"));
        assertThat(row(id)).as("an inactive workflow has no schedule").isEmpty();

        Instant before = Instant.now();
        activate(alice, id);

        Row row = row(id).orElseThrow();
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.config().path("cron").asString()).isEqualTo("0 * * * *");
        assertThat(row.nextFireAt()).isAfter(before).isBefore(before.plusSeconds(3601));
        assertThat(row.nextFireAt().getEpochSecond() % 3600).isZero();

        setActive(alice, id, false);
        assertThat(row(id)).isEmpty();
    }

    @Test
    void aNewVersionOfAnActiveWorkflowReplacesItsSchedule() {
        TestUser alice = newUser(Role.USER);
        String name = unique("Changing");
        String id = create(alice, scheduled(name, "{\"cron\": \"0 0 1 1 *\"}"));
        activate(alice, id);
        Row first = row(id).orElseThrow();

        http.put(BASE + "/" + id).token(alice.token()).body(scheduled(name, "{\"interval\": \"PT10M\"}")).send()
                .expectStatus(200);

        Row second = row(id).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.generation()).isGreaterThan(first.generation());
        assertThat(second.config().path("interval").asString()).isEqualTo("PT10M");
        assertThat(second.nextFireAt()).isBefore(first.nextFireAt());
        assertThat(second.nextFireAt().getEpochSecond() % 600).isZero();

        http.put(BASE + "/" + id).token(alice.token()).body(manual(name)).send().expectStatus(200);
        assertThat(row(id)).as("a version without a schedule trigger has none").isEmpty();
    }

    @Test
    void savingAnInactiveWorkflowMakesNoSchedule() {
        TestUser alice = newUser(Role.USER);
        String name = unique("Idle");
        String id = create(alice, scheduled(name, "{\"cron\": \"@daily\"}"));

        http.put(BASE + "/" + id).token(alice.token()).body(scheduled(name, "{\"cron\": \"@hourly\"}")).send()
                .expectStatus(200);

        assertThat(row(id)).isEmpty();
    }

    @Test
    void deletingTheWorkflowDeletesItsSchedule() {
        TestUser alice = newUser(Role.USER);
        String id = create(alice, scheduled(unique("Doomed"), "{\"cron\": \"@daily\"}"));
        setActive(alice, id, true);

        http.delete(BASE + "/" + id).token(alice.token()).send().expectStatus(204);

        assertThat(row(id)).isEmpty();
    }

    @Test
    void refusesABadCronExpressionNamingTheFieldAndSavesNothing() {
        TestUser alice = newUser(Role.USER);

        JsonNode problem = http.post(BASE).token(alice.token())
                .body(scheduled(unique("Bad"), "{\"cron\": \"0 25 * * *\"}")).send()
                .expectFieldError(422, "workflow_invalid", "/trigger/config/cron");

        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("invalid_config");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("Not a valid cron expression");
        assertThat(workflowsOf(alice)).isZero();
    }

    @Test
    void refusesOtherScheduleMistakesEachAtItsField() {
        TestUser alice = newUser(Role.USER);
        expectInvalid(alice, "{\"cron\": \"@daily\", \"timezone\": \"Europe/Atlantis\"}", "/trigger/config/timezone");
        expectInvalid(alice, "{\"cron\": \"@daily\", \"interval\": \"PT1M\"}", "/trigger/config/interval");
        expectInvalid(alice, "{}", "/trigger/config/cron");
        expectInvalid(alice, "{\"interval\": \"PT0.2S\"}", "/trigger/config/interval");
        expectInvalid(alice, "{\"cron\": \"@daily\", \"start_at\": \"2027-02-01T00:00:00Z\", "
                + "\"end_at\": \"2027-01-01T00:00:00Z\"}", "/trigger/config/end_at");
        expectInvalid(alice, "{\"cron\": \"@daily\", \"misfire\": \"sometimes\"}", "/trigger/config/misfire");
        assertThat(workflowsOf(alice)).isZero();
    }

    @Test
    void theValidateEndpointReportsTheSameProblems() {
        TestUser alice = newUser(Role.USER);
        JsonNode result = http.post(BASE + "/validate").token(alice.token())
                .body(scheduled(unique("Check"), "{\"cron\": \"* * *\"}")).send().expectStatus(200).json();

        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(result.path("errors").get(0).path("path").asString()).isEqualTo("/trigger/config/cron");
    }

    @Test
    void previewsTheNextTimesInUtcAndInTheTriggersZone() {
        TestUser alice = newUser(Role.USER);
        String id = create(alice, scheduled(unique("Mornings"),
                "{\"cron\": \"0 9 * * 1-5\", \"timezone\": \"Europe/Berlin\", \"misfire\": \"run_once\"}"));

        JsonNode next = http.get(BASE + "/" + id + "/triggers/next?count=3").token(alice.token()).send()
                .expectStatus(200).json();

        assertThat(next.path("workflow_id").asString()).isEqualTo(id);
        assertThat(next.path("version").asInt()).isEqualTo(1);
        assertThat(next.path("active").asBoolean()).isFalse();
        assertThat(next.path("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(next.path("cron").asString()).isEqualTo("0 9 * * 1-5");
        assertThat(next.path("misfire").asString()).isEqualTo("run_once");
        List<JsonNode> times = next.path("times").valueStream().toList();
        assertThat(times).hasSize(3);
        for (JsonNode time : times) {
            Instant at = Instant.parse(time.path("at").asString());
            LocalDateTime local = LocalDateTime.ofInstant(at, ZoneId.of("Europe/Berlin"));
            assertThat(at).isAfter(Instant.now());
            assertThat(time.path("local_time").asString()).isEqualTo(local.toString()).endsWith("T09:00");
            assertThat(local.getDayOfWeek().getValue()).isBetween(1, 5);
        }
        assertThat(http.get(BASE + "/" + id + "/triggers/next").token(alice.token()).send().expectStatus(200).json()
                .path("times").size()).as("five by default").isEqualTo(5);
    }

    @Test
    void previewShowsFewerTimesWhenTheScheduleEnds() {
        TestUser alice = newUser(Role.USER);
        Instant end = Instant.now().plusSeconds(3 * 3600 + 60);
        String id = create(alice, scheduled(unique("Ending"), "{\"interval\": \"PT1H\", \"end_at\": \"" + end + "\"}"));

        JsonNode next = http.get(BASE + "/" + id + "/triggers/next?count=10").token(alice.token()).send()
                .expectStatus(200).json();

        assertThat(next.path("interval").asString()).isEqualTo("PT1H");
        assertThat(next.path("times").size()).isBetween(3, 4);
    }

    @Test
    void previewRefusesACountOutOfRange() {
        TestUser alice = newUser(Role.USER);
        String id = create(alice, scheduled(unique("Counted"), "{\"cron\": \"@daily\"}"));

        http.get(BASE + "/" + id + "/triggers/next?count=0").token(alice.token()).send()
                .expectFieldError(400, "validation_failed", "count");
        JsonNode problem = http.get(BASE + "/" + id + "/triggers/next?count=101").token(alice.token()).send()
                .expectFieldError(400, "validation_failed", "count");
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("out_of_range");
        http.get(BASE + "/" + id + "/triggers/next?count=many").token(alice.token()).send().expectStatus(400);
    }

    @Test
    void previewOfAWorkflowWithoutAScheduleIsAConflict() {
        TestUser alice = newUser(Role.USER);
        String id = create(alice, manual(unique("By hand")));

        http.get(BASE + "/" + id + "/triggers/next").token(alice.token()).send()
                .expectFieldError(409, "not_a_schedule", "/trigger/type");
    }

    @Test
    void anotherUsersWorkflowIsNotFoundButAnObserverMayLook() {
        TestUser alice = newUser(Role.USER);
        String id = create(alice, scheduled(unique("Private"), "{\"cron\": \"@daily\"}"));

        http.get(BASE + "/" + id + "/triggers/next").token(newUser(Role.USER).token()).send()
                .expectProblem(404, "not_found");
        http.get(BASE + "/" + UUID.randomUUID() + "/triggers/next").token(alice.token()).send()
                .expectProblem(404, "not_found");
        http.get(BASE + "/" + id + "/triggers/next").token(newUser(Role.OBSERVER).token()).send().expectStatus(200);
    }

    private void expectInvalid(TestUser user, String config, String path) {
        http.post(BASE).token(user.token()).body(scheduled(unique("Bad"), config)).send()
                .expectFieldError(422, "workflow_invalid", path);
    }

    private long workflowsOf(TestUser user) {
        return jdbc.sql("select count(*) from workflows where owner_id = ?").param(user.id()).query(Long.class).single();
    }
}
