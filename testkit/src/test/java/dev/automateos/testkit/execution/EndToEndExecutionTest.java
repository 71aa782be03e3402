package dev.automateos.testkit.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionJson;
import dev.automateos.engine.execution.ExecutionMachine;
import dev.automateos.engine.execution.ExecutionPlan;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.execution.ExecutionStatus;
import dev.automateos.engine.execution.Jitter;
import dev.automateos.engine.execution.NodeServices;
import dev.automateos.engine.execution.Step;
import dev.automateos.engine.execution.StepRunner;
import dev.automateos.engine.execution.StepStatus;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.workflow.WorkflowFormat;
import dev.automateos.testkit.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Golden workflows run through the real node types, the step runner and the state machine. */
class EndToEndExecutionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final UUID EXECUTION = UUID.fromString("10000000-0000-4000-8000-000000000001");
    private static final UUID WORKFLOW = UUID.fromString("20000000-0000-4000-8000-000000000002");

    private final ManualClock clock = new ManualClock(T0);

    @Test
    void routesABigOrderThroughSetIfAndTheTrueBranch() {
        var driver = driver("route-order");

        ExecutionState done = driver.submit(queued("{\"title\": \"  Desk \", \"amount\": 150}"));

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(driver.runOrder()).containsExactly("trigger", "clean", "big", "vip");
        assertThat(done.steps()).extracting(Step::status).containsOnly(StepStatus.SUCCEEDED);
        assertThat(done.step("clean").orElseThrow().output()).isEqualTo(json(
                "{\"amount\": 150, \"owner\": \"ada@example.com\", \"title\": \"Desk\"}"));
        assertThat(done.step("big").orElseThrow().outputName()).isEqualTo("true");
        assertThat(driver.completion().orElseThrow().result().toString()).isEqualTo(
                "{\"lane\":\"vip\",\"run\":\"" + EXECUTION + "\",\"title\":\"Desk\"}");
        assertThat(driver.timers()).isEmpty();
    }

    @Test
    void routesASmallOrderThroughTheFalseBranch() {
        var driver = driver("route-order");

        ExecutionState done = driver.submit(queued("{\"title\": \"Pen\", \"amount\": 2}"));

        assertThat(driver.runOrder()).containsExactly("trigger", "clean", "big", "normal");
        assertThat(done.result()).isEqualTo(done.step("clean").orElseThrow().output());
        assertThat(done.step("vip")).isEmpty();
    }

    @Test
    void waitsHoldingNothingButATimerAndContinuesAfterARestart() {
        var driver = driver("wait-then-greet");

        ExecutionState waiting = driver.submit(queued("{\"name\": \"Ada\"}"));
        assertThat(waiting.status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(driver.timers()).containsEntry("wait:later", T0.plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(10));
        driver.restart();
        assertThat(driver.timers()).containsEntry("wait:later", T0.plus(Duration.ofHours(1)));
        assertThat(driver.advance(Duration.ofMinutes(49)).status()).isEqualTo(ExecutionStatus.WAITING);
        ExecutionState done = driver.advance(Duration.ofMinutes(1));

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.result()).isEqualTo(json("{\"at\": \"2026-03-01T11:00:00Z\", \"message\": \"Hello, Ada!\"}"));
        assertThat(driver.runOrder()).containsExactly("trigger", "later", "greet");
    }

    @Test
    void failsOnABadExpressionNamingTheNodeAndTheExpressionAndSkipsNothingElse() {
        var driver = driver("bad-expression");

        ExecutionState failed = driver.submit(queued("{\"text\": \"abc\"}"));

        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        Step count = failed.step("count").orElseThrow();
        assertThat(count.status()).isEqualTo(StepStatus.FAILED);
        assertThat(count.error().code()).isEqualTo("expression_failed");
        assertThat(count.error().message()).contains("Node 'Count'", "$number($trigger.body.text)");
        assertThat(failed.step("after")).isEmpty();
        assertThat(driver.completion().orElseThrow().error().code()).isEqualTo("expression_failed");
    }

    @Test
    void resumesAfterACrashFromTheLastCommittedStepWithTheSameAttemptAndKey() {
        var driver = driver("route-order");
        driver.crashBeforeRunning("big");

        ExecutionState crashed = driver.submit(queued("{\"title\": \"Desk\", \"amount\": 500}"));
        assertThat(crashed.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(crashed.step("big").orElseThrow().status()).isEqualTo(StepStatus.RUNNING);
        assertThat(driver.runOrder()).containsExactly("trigger", "clean");

        ExecutionState done = driver.restart();

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(driver.runOrder()).containsExactly("trigger", "clean", "big", "vip");
        RunStep big = driver.issued().stream().filter(c -> c instanceof RunStep r && r.stepId().equals("big"))
                .map(RunStep.class::cast).findFirst().orElseThrow();
        assertThat(big.attempt()).isEqualTo(1);
        assertThat(big.idempotencyKey()).isEqualTo(EXECUTION + ":big");
    }

    @Test
    void storesEveryStateAsJsonThatReadsBackTheSame() {
        var driver = driver("route-order");

        driver.submit(queued("{\"title\": \"Desk\", \"amount\": 500}"));

        assertThat(driver.storedStates()).hasSizeGreaterThan(4);
        for (String stored : driver.storedStates()) {
            assertThat(ExecutionJson.write(ExecutionJson.read(stored))).isEqualTo(stored);
            assertThat(stored).doesNotContain("dev.automateos");
        }
    }

    private InMemoryExecutionDriver driver(String workflow) {
        ExecutionPlan plan = ExecutionPlan.compile(load(workflow), NodeCatalog.discover());
        return new InMemoryExecutionDriver(new ExecutionMachine(plan, Jitter.hashed(), Duration.ofHours(2), 1),
                new StepRunner(clock, NodeServices.none()), clock);
    }

    private ExecutionState queued(String input) {
        return ExecutionState.queued(EXECUTION, WORKFLOW, 1, json(input), clock.instant());
    }

    private static JsonNode json(String text) {
        return EngineJson.mapper().readTree(text);
    }

    private static JsonNode load(String name) {
        try (InputStream in = EndToEndExecutionTest.class.getResourceAsStream("/workflows/" + name + ".json")) {
            return WorkflowFormat.parseJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
