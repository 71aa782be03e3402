package dev.automateos.engine.execution;

import static dev.automateos.engine.execution.MachineHarness.T0;
import static dev.automateos.engine.execution.MachineHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionEvent.StepSucceeded;
import dev.automateos.engine.execution.ExecutionEvent.StepSuspended;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class ExecutionJsonTest {

    @Test
    void readsBackEveryStateOfARunAsAnEqualState() {
        for (ExecutionState state : statesOfARichRun()) {
            String written = ExecutionJson.write(state);

            ExecutionState read = ExecutionJson.read(written);

            assertThat(read).isEqualTo(state);
            assertThat(ExecutionJson.write(read)).isEqualTo(written);
        }
    }

    @Test
    void writesSnakeCaseIdsLowerCaseStatusesAndIsoInstantsButNoClassNames() {
        ExecutionState state = statesOfARichRun().getLast();
        String written = ExecutionJson.write(state);
        var tree = ExecutionJson.toTree(state);

        assertThat(written).doesNotContain("dev.automateos", "@class", "Step\"");
        assertThat(tree.get("workflow_id").asString()).isEqualTo(MachineHarness.WORKFLOW.toString());
        assertThat(tree.get("status").asString()).isEqualTo("failed");
        assertThat(tree.get("created_at").asString()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(tree.get("trigger_payload")).isEqualTo(json("{\"n\": 1}"));
        var step = tree.get("steps").get(1);
        assertThat(step.propertyNames()).containsExactly("id", "node_id", "parent_step_id", "status", "attempt",
                "input", "output", "output_name", "error", "log", "started_at", "finished_at", "next_attempt_at",
                "resume_at");
        assertThat(tree.get("error").propertyNames()).containsExactly("code", "message", "retryable");
    }

    @Test
    void writesTheSameTextAgainForNumbersComputedByExpressions() {
        var h = new MachineHarness(new TestWorkflow().act("a").connect("trigger", "a").plan()).start();
        var computed = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("n", 6L).put("x", 1.5);
        h.succeed(h.run(), computed, "main");
        String written = ExecutionJson.write(h.state);

        assertThat(ExecutionJson.write(ExecutionJson.read(written))).isEqualTo(written);
        assertThat(ExecutionJson.read(written).step("trigger").orElseThrow().output().get("n").longValue()).isEqualTo(6);
    }

    @Test
    void refusesAStoredStateWithUnknownFields() {
        String written = ExecutionJson.write(statesOfARichRun().getFirst()).replaceFirst("\\{", "{\"surprise\": 1, ");

        assertThatThrownBy(() -> ExecutionJson.read(written)).isInstanceOf(JacksonException.class)
                .hasMessageContaining("surprise");
    }

    /** Queued, running, in back-off, waiting, succeeded steps with outputs and logs, then failed. */
    private static List<ExecutionState> statesOfARichRun() {
        var h = new MachineHarness(new TestWorkflow().act("call").node("pause", "test.pause", "{\"seconds\": 5}")
                .act("last").connect("trigger", "call").connect("call", "pause").connect("pause", "last")
                .with("call", "retry", "{\"max_attempts\": 2}").timeoutSeconds(600).plan());
        List<ExecutionState> states = new ArrayList<>();
        states.add(h.state);
        h.start();
        states.add(h.state);
        h.succeed(h.run(), json("{\"big\": 12345678901234, \"pi\": 3.25, \"list\": [null, true, \"ü\"]}"), "main");
        h.fail("io_error", true);
        states.add(h.state);
        h.advance(Duration.ofMillis(1500)).on(new ExecutionEvent.TimerFired("retry:call:2"));
        RunStep call = h.run();
        h.on(new StepSucceeded(call.stepId(), call.attempt(), json("{\"ok\": 1}"), "main", false, List.of("line 1")));
        RunStep pause = h.run();
        h.on(new StepSuspended(pause.stepId(), pause.attempt(), json("{\"ok\": 1}"), "main", T0.plusSeconds(30),
                List.of()));
        states.add(h.state);
        h.advance(Duration.ofSeconds(30)).on(new ExecutionEvent.TimerFired("wait:pause"));
        states.add(h.state);
        h.fail("node_error", false);
        states.add(h.state);
        assertThat(states).extracting(ExecutionState::status).containsExactly(ExecutionStatus.QUEUED,
                ExecutionStatus.RUNNING, ExecutionStatus.WAITING, ExecutionStatus.WAITING, ExecutionStatus.RUNNING,
                ExecutionStatus.FAILED);
        return states;
    }
}
