package dev.automateos.engine.execution;

import static dev.automateos.engine.execution.MachineHarness.EXECUTION;
import static dev.automateos.engine.execution.MachineHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RerunsTest {

    private static final UUID RERUN = UUID.fromString("00000000-0000-4000-8000-0000000000e2");

    private final ExecutionPlan plan = new TestWorkflow().act("a").act("b").act("c").act("d")
            .connect("trigger", "a").connect("a", "b").connect("b", "c").connect("trigger", "d").plan();

    @Test
    void continuesFromTheFailedStepKeepingEarlierOutputs() {
        var failed = new MachineHarness(plan).start();
        failed.succeed(failed.run(), json("{\"t\": 1}"), "main");
        failed.succeed(failed.run(), json("{\"a\": 1}"), "main");
        failed.fail("node_error", false);
        assertThat(failed.step("d").status()).isEqualTo(StepStatus.SKIPPED);

        ExecutionState rerun = Reruns.fromFailedStep(failed.state, RERUN, failed.now.plusSeconds(60));

        assertThat(rerun.id()).isEqualTo(RERUN);
        assertThat(rerun.rerunOf()).isEqualTo(EXECUTION);
        assertThat(rerun.status()).isEqualTo(ExecutionStatus.QUEUED);
        assertThat(rerun.error()).isNull();
        assertThat(rerun.ready()).containsExactly("b", "d");
        var h = new MachineHarness(plan);
        h.state = rerun;
        h.start();
        assertThat(h.run().stepId()).isEqualTo("b");
        assertThat(h.run().input()).isEqualTo(json("{\"a\": 1}"));
        assertThat(h.run().attempt()).isEqualTo(1);
        assertThat(h.run().idempotencyKey()).isEqualTo(RERUN + ":b");
        h.succeedAll();
        assertThat(h.runOrder).containsExactly("b", "c", "d");
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(h.step("a").output()).isEqualTo(json("{\"a\": 1}"));
        assertThat(h.step("trigger").finishedAt()).isEqualTo(failed.step("trigger").finishedAt());
    }

    @Test
    void continuesACancelledExecutionFromTheCancelledStep() {
        var cancelled = new MachineHarness(plan).start();
        cancelled.succeed();
        cancelled.on(new ExecutionEvent.CancelRequested(null));

        ExecutionState rerun = Reruns.fromFailedStep(cancelled.state, RERUN, cancelled.now);

        assertThat(rerun.ready()).containsExactly("a", "d");
        assertThat(rerun.step("a").orElseThrow().status()).isEqualTo(StepStatus.PENDING);
        assertThat(rerun.step("a").orElseThrow().attempt()).isZero();
    }

    @Test
    void runsEverythingAgainFromTheStart() {
        var failed = new MachineHarness(plan).start();
        failed.succeed();
        failed.fail("node_error", false);

        ExecutionState rerun = Reruns.fromStart(failed.state, RERUN, failed.now.plus(Duration.ofHours(1)));

        assertThat(rerun.steps()).isEmpty();
        assertThat(rerun.triggerPayload()).isEqualTo(failed.state.triggerPayload());
        assertThat(rerun.workflowVersion()).isEqualTo(3);
        assertThat(rerun.rerunOf()).isEqualTo(EXECUTION);
        var h = new MachineHarness(plan);
        h.state = rerun;
        h.start().succeedAll();
        assertThat(h.runOrder).containsExactly("trigger", "a", "b", "c", "d");
    }

    @Test
    void refusesToContinueAnExecutionThatDidNotFail() {
        var done = new MachineHarness(plan).start().succeedAll();

        assertThatThrownBy(() -> Reruns.fromFailedStep(done.state, RERUN, done.now))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("succeeded");
    }
}
