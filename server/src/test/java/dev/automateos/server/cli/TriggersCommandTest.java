package dev.automateos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.cli.FakeApi.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code triggers next} against {@link FakeApi}, which answers the documented preview shape. */
class TriggersCommandTest {

    private static final String ID = "11111111-1111-4111-8111-111111111111";
    private static final String PATH = "/api/v1/workflows/" + ID + "/triggers/next";

    private final FakeApi api = new FakeApi();
    private final CliHarness cli = CliHarness.inTempDir();

    @BeforeEach
    void logIn() {
        cli.saveConfig(CliConfig.withTokens(api.url(), "token-1", "refresh-1", "alice"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void nextPrintsTheTimesInUtcAndOnTheTriggersClock() {
        api.on("GET", PATH, Reply.json(200, """
                {"workflow_id":"%s","version":3,"active":true,"timezone":"Europe/Berlin","cron":"0 9 * * 1-5",
                 "misfire":"skip","times":[{"at":"2026-12-07T08:00:00Z","local_time":"2026-12-07T09:00"},
                 {"at":"2026-12-08T08:00:00Z","local_time":"2026-12-08T09:00"}]}""".formatted(ID)));

        var result = cli.run("triggers", "next", ID, "--count", "2");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "Schedule: cron 0 9 * * 1-5 in Europe/Berlin, misfire skip",
                "AT (UTC)              LOCAL TIME",
                "2026-12-07T08:00:00Z  2026-12-07T09:00",
                "2026-12-08T08:00:00Z  2026-12-08T09:00");
        assertThat(api.requests().getFirst().rawQuery()).isEqualTo("count=2");
    }

    @Test
    void nextSaysWhenTheWorkflowIsInactiveOrTheScheduleHasEnded() {
        api.on("GET", PATH, Reply.json(200, """
                {"workflow_id":"%s","version":1,"active":false,"timezone":"UTC","interval":"PT15M",
                 "misfire":"run_once","times":[]}""".formatted(ID)));

        var result = cli.run("triggers", "next", ID);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("every PT15M in UTC, misfire run_once (inactive: nothing fires)")
                .contains("No more fire times");
        assertThat(api.requests().getFirst().rawQuery()).isEqualTo("count=5");
    }

    @Test
    void nextReportsAWorkflowWithoutAScheduleAsTheApiDoes() {
        api.on("GET", PATH, Reply.json(409, """
                {"status":409,"code":"not_a_schedule",
                 "detail":"The trigger is trigger.manual@1; only a schedule has fire times.","request_id":"r1"}"""));

        var result = cli.run("triggers", "next", ID);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("only a schedule has fire times");
    }

    @Test
    void nextPrintsTheApisAnswerAsJson() {
        api.on("GET", PATH, Reply.json(200, """
                {"workflow_id":"%s","version":1,"active":true,"timezone":"UTC","cron":"@daily","misfire":"skip",
                 "times":[{"at":"2026-12-03T00:00:00Z","local_time":"2026-12-03T00:00"}]}""".formatted(ID)));

        var result = cli.run("triggers", "next", ID, "--output", "json");

        assertThat(Json.parse(result.out()).path("times").get(0).path("local_time").asString())
                .isEqualTo("2026-12-03T00:00");
    }
}
