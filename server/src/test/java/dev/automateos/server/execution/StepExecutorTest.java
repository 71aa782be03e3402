package dev.automateos.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionEvent.StepFailed;
import dev.automateos.engine.execution.ExecutionEvent.StepSucceeded;
import dev.automateos.engine.execution.ExecutionPlan;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.execution.NodeServices;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.workflow.WorkflowFormat;
import dev.automateos.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Side-effect-free steps on the caller's thread: the deadline still holds. */
class StepExecutorTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final StepExecutor executor = new StepExecutor(NodeServices.none(), clock);
    private final ExecutionPlan plan = ExecutionPlan.compile(WorkflowFormat.parseJson("""
            {"schema_version": 1, "name": "t", "trigger": {"id": "trigger", "type": "trigger.manual", "version": 1,
             "name": "Manual", "config": {}},
             "nodes": [{"id": "shape", "type": "transform.set", "version": 1, "name": "Shape",
                        "config": {"fields": {"total": "{{ $input.amount * 2 }}"}}}],
             "connections": [{"from": "trigger", "to": "shape"}]}"""), NodeCatalog.discover());
    private final ExecutionRecord execution = new ExecutionRecord(ExecutionState.queued(UUID.randomUUID(),
            UUID.randomUUID(), 1, EngineJson.mapper().nullNode(), T0), UUID.randomUUID(), "manual", null, null, 0);

    @Test
    void aStepWithinItsDeadlineSucceedsOnTheCallersThread() {
        var event = executor.runHere(plan, execution, step(T0.plusSeconds(5)));

        assertThat(event).get().isInstanceOf(StepSucceeded.class);
        assertThat(((StepSucceeded) event.orElseThrow()).output().path("total").asInt()).isEqualTo(42);
    }

    @Test
    void aStepThatReturnsPastItsDeadlineIsReportedTimedOutAndItsResultDropped() {
        clock.advance(Duration.ofSeconds(10)); // the deadline below has passed when the step returns

        var event = executor.runHere(plan, execution, step(T0.plusSeconds(5)));

        assertThat(event).get().isInstanceOf(StepFailed.class);
        assertThat(((StepFailed) event.orElseThrow()).code()).isEqualTo("step_timeout");
    }

    private RunStep step(Instant deadline) {
        return new RunStep("shape", "shape", 1, EngineJson.mapper().readTree("{\"amount\": 21}"),
                execution.id() + ":shape", deadline);
    }
}
