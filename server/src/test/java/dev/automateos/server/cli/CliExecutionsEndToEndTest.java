package dev.automateos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code run} and {@code executions …} against the real server, live events included. */
class CliExecutionsEndToEndTest extends ApiTest {

    private static final String GREET = """
            [{"id": "greet", "type": "transform.set", "version": 1, "name": "Greet",
              "config": {"fields": {"greeting": "Hello {{ $trigger.body.name }}"}}}]""";
    private static final String BROKEN = """
            [{"id": "greet", "type": "transform.set", "version": 1, "name": "Broken",
              "config": {"fields": {"x": "{{ $input.body.amount + 'x' }}"}}}]""";

    @TempDir
    Path temp;

    private final CliHarness cli = CliHarness.inTempDir();
    private TestUser user;

    @BeforeEach
    void login() {
        user = newUser(Role.USER);
        cli.saveConfig(CliConfig.withTokens("http://127.0.0.1:" + port, user.token(), null, user.username()));
    }

    @Test
    void runWaitPrintsTheResultAndExitsZeroWhenTheRunSucceeds() throws Exception {
        String workflowId = workflow(GREET, "greet");
        Path input = Files.writeString(temp.resolve("in.json"), "{\"name\": \"Ada\"}");

        var result = cli.run("run", workflowId, "--input", input.toString(), "--wait", "--timeout", "20s");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Json.parse(result.out()).path("greeting").asString()).isEqualTo("Hello Ada");
    }

    @Test
    void runWaitReportsAFailedRunOnStderrWithExitCodeOne() {
        String workflowId = workflow(BROKEN, "greet");

        var result = cli.stdin("{\"amount\": 1}").run("run", workflowId, "--input", "-", "--wait", "--output", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        JsonNode outcome = Json.parse(result.out());
        assertThat(outcome.path("status").asString()).isEqualTo("failed");
        assertThat(outcome.path("error").path("code").asString()).isEqualTo("expression_failed");
    }

    @Test
    void runWaitStopsAtItsTimeoutWithExitCodeSevenWhileTheRunGoesOn() {
        String workflowId = workflow(waitNode("30"), "pause");

        var result = cli.run("run", workflowId, "--wait", "--timeout", "500ms");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.TIMED_OUT);
        assertThat(result.err()).contains("keeps running");
    }

    @Test
    void runRejectsInputThatIsNotJsonAndStartsNothing() throws Exception {
        String workflowId = workflow(GREET, "greet");

        var result = cli.stdin("not json").run("run", workflowId, "--input", "-");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIG);
        assertThat(executionsOf(workflowId)).isEmpty();
    }

    @Test
    void executionsListAndGetShowTheRunAndItsSteps() {
        String workflowId = workflow(GREET, "greet");
        String id = Json.parse(cli.run("run", workflowId, "--wait", "--output", "json").out()).path("id").asString();

        var listed = cli.run("executions", "list", "--workflow", workflowId, "--status", "succeeded");
        var shown = cli.run("executions", "get", id);
        var missing = cli.run("executions", "get", java.util.UUID.randomUUID().toString());

        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains(id, "succeeded", "manual");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("status:", "succeeded", "STEP", "NODE", "ATTEMPTS", "Greet", "result:");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.REJECTED);
    }

    @Test
    void logsFollowPrintsEachStepAsItFinishesUntilTheExecutionEnds() {
        String workflowId = workflow(waitNode("1"), "pause");
        String id = Json.parse(cli.run("run", workflowId, "--output", "json").out()).path("id").asString();

        var followed = cli.run("executions", "logs", id, "--follow");

        assertThat(followed.exitCode()).as(followed.toString()).isZero();
        assertThat(followed.out()).contains("finished  Pause succeeded", "execution succeeded in");
        assertThat(followed.out().indexOf("finished  Pause")).isLessThan(followed.out().indexOf("execution succeeded"));
    }

    @Test
    void logsFollowOfAFinishedFailedExecutionEndsAtOnceWithExitCodeOne() {
        String workflowId = workflow(BROKEN, "greet");
        String id = Json.parse(cli.run("run", workflowId, "--wait", "--output", "json").out()).path("id").asString();

        var followed = cli.run("executions", "logs", id, "--follow");
        var once = cli.run("executions", "logs", id);

        assertThat(followed.exitCode()).as(followed.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(followed.out()).contains("execution failed");
        assertThat(once.exitCode()).as(once.toString()).isZero();
    }

    @Test
    void cancelStopsAWaitingExecutionAndRerunStartsANewOne() {
        String workflowId = workflow(waitNode("3600"), "pause");
        String id = Json.parse(cli.run("run", workflowId, "--output", "json").out()).path("id").asString();

        var cancelled = cli.run("executions", "cancel", id, "--output", "json");
        var again = cli.run("executions", "cancel", id);
        var rerun = cli.run("executions", "rerun", id, "--from", "start", "--output", "json");

        assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
        assertThat(Json.parse(cancelled.out()).path("status").asString()).isEqualTo("cancelled");
        assertThat(again.exitCode()).as("a finished execution cannot be cancelled").isEqualTo(ExitCodes.REJECTED);
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(Json.parse(rerun.out()).path("id").asString()).isNotEqualTo(id);
        cli.run("executions", "cancel", Json.parse(rerun.out()).path("id").asString());
    }

    @Test
    void anotherUsersExecutionCannotBeFollowed() {
        String workflowId = workflow(GREET, "greet");
        String id = Json.parse(cli.run("run", workflowId, "--wait", "--output", "json").out()).path("id").asString();
        CliHarness stranger = CliHarness.inTempDir();
        TestUser other = newUser(Role.USER);
        stranger.saveConfig(CliConfig.withTokens("http://127.0.0.1:" + port, other.token(), null, other.username()));

        var followed = stranger.run("executions", "logs", id, "--follow");

        assertThat(followed.exitCode()).as(followed.toString()).isEqualTo(ExitCodes.REJECTED);
    }

    private JsonNode executionsOf(String workflowId) {
        return http.get("/api/v1/executions?workflow_id=" + workflowId).token(user.token()).send().expectStatus(200)
                .json().path("items");
    }

    private static String waitNode(String seconds) {
        return """
                [{"id": "pause", "type": "core.wait", "version": 1, "name": "Pause", "config": {"duration": "%s"}}]"""
                .formatted(seconds);
    }

    private String workflow(String nodes, String first) {
        String doc = """
                {"schema_version": 1, "name": "cli exec %s", "trigger": {"id": "trigger", "type": "trigger.manual",
                 "version": 1, "name": "Manual", "config": {}}, "nodes": %s,
                 "connections": [{"from": "trigger", "to": "%s"}]}""".formatted(System.nanoTime(), nodes, first);
        return http.post("/api/v1/workflows").token(user.token()).body(doc).send().expectStatus(201).json()
                .path("id").asString();
    }
}
