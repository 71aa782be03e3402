package dev.automateos.engine.execution;

import static dev.automateos.engine.execution.MachineHarness.EXECUTION;
import static dev.automateos.engine.execution.MachineHarness.T0;
import static dev.automateos.engine.execution.MachineHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.execution.ExecutionCommand.CompleteExecution;
import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionCommand.ScheduleTimer;
import dev.automateos.engine.execution.ExecutionEvent.StepSucceeded;
import dev.automateos.engine.execution.ExecutionEvent.StepSuspended;
import dev.automateos.engine.execution.ExecutionEvent.TimerFired;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionMachineTest {

    @Test
    void runsALinearFlowOneStepAtATimeAndSucceedsWithTheLastOutput() {
        var h = new MachineHarness(new TestWorkflow().act("a").act("b").connect("trigger", "a").connect("a", "b").plan());

        h.start();
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.RUNNING);
        RunStep trigger = h.run();
        assertThat(trigger.stepId()).isEqualTo("trigger");
        assertThat(trigger.input()).isEqualTo(json("{\"n\": 1}"));
        assertThat(trigger.idempotencyKey()).isEqualTo(EXECUTION + ":trigger");

        h.succeed(trigger, json("{\"t\": 1}"), "main");
        assertThat(h.run().stepId()).isEqualTo("a");
        assertThat(h.run().input()).isEqualTo(json("{\"t\": 1}"));
        h.succeed(h.run(), json("{\"a\": 2}"), "main");
        h.advance(Duration.ofSeconds(1)).succeed(h.run(), json("{\"b\": 3}"), "main");

        assertThat(h.state.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(h.state.finishedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(h.state.steps()).extracting(Step::id).containsExactly("trigger", "a", "b");
        assertThat(h.state.steps()).extracting(Step::status).containsOnly(StepStatus.SUCCEEDED);
        assertThat(h.step("b").parentStepId()).isEqualTo("a");
        assertThat(h.commands(CompleteExecution.class)).containsExactly(
                new CompleteExecution(ExecutionStatus.SUCCEEDED, json("{\"b\": 3}"), null));
    }

    @Test
    void fansOutDepthFirstInConnectionOrder() {
        var h = new MachineHarness(new TestWorkflow().act("a").act("b").act("c").act("d")
                .connect("trigger", "a").connect("trigger", "b").connect("a", "c").connect("b", "d").plan());

        h.start().succeedAll();

        assertThat(h.runOrder).containsExactly("trigger", "a", "c", "b", "d");
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(h.state.resultStepId()).isEqualTo("d");
    }

    @Test
    void runsAFanInNodeOncePerActivationWithThatActivationsInput() {
        var h = new MachineHarness(new TestWorkflow().act("left").act("right").act("join")
                .connect("trigger", "left").connect("trigger", "right").connect("left", "join").connect("right", "join")
                .plan());

        h.start().succeed();
        h.succeed(h.run(), json("\"from left\""), "main");
        assertThat(h.run().stepId()).isEqualTo("join");
        assertThat(h.run().input()).isEqualTo(json("\"from left\""));
        h.succeed();
        h.succeed(h.run(), json("\"from right\""), "main");
        RunStep second = h.run();
        h.succeed();

        assertThat(second.stepId()).isEqualTo("join#2");
        assertThat(second.input()).isEqualTo(json("\"from right\""));
        assertThat(second.idempotencyKey()).isEqualTo(EXECUTION + ":join#2");
        assertThat(h.runOrder).containsExactly("trigger", "left", "join", "right", "join#2");
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void followsOnlyTheConnectionsOfTheOutputAStepLeftBy() {
        var h = new MachineHarness(new TestWorkflow().node("check", "test.branch", "{\"condition\": \"{{ true }}\"}")
                .act("big").act("small").connect("trigger", "check")
                .connect("check", "yes", "big").connect("check", "no", "small").plan());

        h.start().succeed();
        h.succeed(h.run(), json("{}"), "no");
        h.succeedAll();

        assertThat(h.runOrder).containsExactly("trigger", "check", "small");
        assertThat(h.state.step("big")).isEmpty();
        assertThat(h.step("check").outputName()).isEqualTo("no");
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void endsAFilteredBranchSuccessfullyWhileOtherBranchesGoOn() {
        var h = new MachineHarness(new TestWorkflow().act("gate").act("after").act("other")
                .connect("trigger", "gate").connect("gate", "after").connect("trigger", "other").plan());

        h.start().succeed();
        RunStep gate = h.run();
        h.on(new StepSucceeded(gate.stepId(), gate.attempt(), json("{\"x\": 1}"), "main", true, List.of()));
        h.succeedAll();

        assertThat(h.step("gate").status()).isEqualTo(StepStatus.FILTERED);
        assertThat(h.state.step("after")).isEmpty();
        assertThat(h.runOrder).containsExactly("trigger", "gate", "other");
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(h.state.resultStepId()).isEqualTo("other");
    }

    @Test
    void aRunWhoseOnlyBranchIsFilteredSucceedsWithTheTriggerOutput() {
        var h = new MachineHarness(new TestWorkflow().act("gate").connect("trigger", "gate").plan());

        h.start().succeed();
        RunStep gate = h.run();
        h.on(new StepSucceeded(gate.stepId(), gate.attempt(), json("{}"), "main", true, List.of()));

        assertThat(h.state.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(h.commands(CompleteExecution.class).getFirst().result()).isEqualTo(json("{\"n\": 1}"));
    }

    @Test
    void failsOnANonRetryableFailureAndSkipsWhatWasStillToRun() {
        var h = new MachineHarness(new TestWorkflow().act("a").act("b").act("c")
                .connect("trigger", "a").connect("trigger", "b").connect("a", "c")
                .with("a", "retry", "{\"max_attempts\": 5}").plan());

        h.start().succeed();
        h.fail("expression_failed", false);

        assertThat(h.state.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(h.step("a").status()).isEqualTo(StepStatus.FAILED);
        assertThat(h.step("a").attempt()).isEqualTo(1);
        assertThat(h.step("a").error()).isEqualTo(new StepError("expression_failed", "it broke", false));
        assertThat(h.step("a").log()).containsExactly("tried");
        assertThat(h.step("b").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(h.state.step("c")).isEmpty();
        assertThat(h.state.error().code()).isEqualTo("expression_failed");
        assertThat(h.state.error().message()).isEqualTo("Step 'a' failed: it broke");
        assertThat(h.commands(CompleteExecution.class)).hasSize(1);
        assertThat(h.commands(CompleteExecution.class).getFirst().status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void retriesARetryableFailureWithExponentialBackoffAndTheSameIdempotencyKey() {
        var h = new MachineHarness(new TestWorkflow().act("call").connect("trigger", "call")
                .with("call", "retry", "{\"max_attempts\": 4, \"initial_delay_ms\": 1000, \"multiplier\": 3}").plan());
        h.start().succeed();
        RunStep first = h.run();

        h.fail("io_error", true);
        assertThat(h.commands(ScheduleTimer.class)).containsExactly(new ScheduleTimer("retry:call:2", T0.plusSeconds(1)));
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(h.step("call").status()).isEqualTo(StepStatus.PENDING);
        assertThat(h.step("call").nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(h.step("call").error().code()).isEqualTo("io_error");

        h.advance(Duration.ofSeconds(1)).on(new TimerFired("retry:call:2"));
        RunStep second = h.run();
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.idempotencyKey()).isEqualTo(first.idempotencyKey());
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.RUNNING);

        h.fail("io_error", true);
        assertThat(h.commands(ScheduleTimer.class)).containsExactly(new ScheduleTimer("retry:call:3", T0.plusSeconds(4)));
        h.advance(Duration.ofSeconds(3)).on(new TimerFired("retry:call:3"));
        h.succeed();

        assertThat(h.state.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(h.step("call").attempt()).isEqualTo(3);
        assertThat(h.step("call").error()).isNull();
        assertThat(h.step("call").startedAt()).isEqualTo(T0);
    }

    @Test
    void failsWhenRetriesAreExhaustedNamingTheAttempts() {
        var h = new MachineHarness(new TestWorkflow().act("call").connect("trigger", "call")
                .with("call", "retry", "{\"max_attempts\": 2, \"initial_delay_ms\": 500}").plan());
        h.start().succeed();

        h.fail("io_error", true);
        h.advance(Duration.ofMillis(500)).on(new TimerFired("retry:call:2"));
        h.fail("io_error", true);

        assertThat(h.commands(ScheduleTimer.class)).isEmpty();
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(h.step("call").status()).isEqualTo(StepStatus.FAILED);
        assertThat(h.state.error().message()).isEqualTo("Step 'call' failed after 2 attempts: it broke");
    }

    @Test
    void doesNotRetryANodeWithoutARetryPolicy() {
        var h = new MachineHarness(new TestWorkflow().act("call").connect("trigger", "call").plan());
        h.start().succeed();

        h.fail("io_error", true);

        assertThat(h.state.status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void runsOtherReadyBranchesWhileOneStepBacksOff() {
        var h = new MachineHarness(new TestWorkflow().act("flaky").act("other").connect("trigger", "flaky")
                .connect("trigger", "other").with("flaky", "retry", "{\"initial_delay_ms\": 10000}").plan());
        h.start().succeed();

        h.fail("io_error", true);
        assertThat(h.run().stepId()).isEqualTo("other");
        h.succeed();
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.WAITING);

        h.advance(Duration.ofSeconds(10)).on(new TimerFired("retry:flaky:2"));
        h.succeed();
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(h.runOrder).containsExactly("trigger", "flaky", "other", "flaky");
    }

    @Test
    void schedulesTheDeadlineAndTimesOutWhenItFires() {
        var h = new MachineHarness(new TestWorkflow().act("a").act("b").connect("trigger", "a").connect("trigger", "b")
                .timeoutSeconds(60).plan());

        h.start();
        assertThat(h.commands(ScheduleTimer.class)).containsExactly(new ScheduleTimer("timeout", T0.plusSeconds(60)));
        assertThat(h.state.deadline()).isEqualTo(T0.plusSeconds(60));
        h.succeed();
        h.advance(Duration.ofSeconds(60)).on(new TimerFired("timeout"));

        assertThat(h.state.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(h.state.error().code()).isEqualTo("execution_timeout");
        assertThat(h.state.error().message()).contains("60 s");
        assertThat(h.step("a").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(h.step("b").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(h.commands(CompleteExecution.class).getFirst().status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void timesOutWhenAnyEventArrivesPastTheDeadlineEvenIfTheTimerWasLost() {
        var h = new MachineHarness(new TestWorkflow().act("a").act("b").connect("trigger", "a").connect("a", "b")
                .timeoutSeconds(5).plan());
        h.start().succeed();

        h.advance(Duration.ofSeconds(6)).succeed();

        assertThat(h.step("a").status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(h.step("b").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(h.runs()).isEmpty();
    }

    @Test
    void timesOutOnAnExplicitTimedOutEvent() {
        var h = new MachineHarness(new TestWorkflow().act("a").connect("trigger", "a").plan());
        h.start();

        h.on(new ExecutionEvent.ExecutionTimedOut());

        assertThat(h.state.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(h.step("trigger").status()).isEqualTo(StepStatus.CANCELLED);
    }

    @Test
    void givesEachAttemptTheNodeTimeoutCappedAtTheExecutionDeadline() {
        var h = new MachineHarness(new TestWorkflow().act("quick").act("slow").connect("trigger", "quick")
                .connect("quick", "slow").with("quick", "timeout_ms", "2000").with("slow", "timeout_ms", "600000")
                .timeoutSeconds(60).plan());

        h.start();
        assertThat(h.run().deadline()).isEqualTo(T0.plusSeconds(60));
        h.succeed();
        assertThat(h.run().deadline()).isEqualTo(T0.plusSeconds(2));
        h.succeed();
        assertThat(h.run().deadline()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void usesTheDefaultTimeoutWhenTheWorkflowSetsNone() {
        var plan = new TestWorkflow().act("a").connect("trigger", "a").plan();
        var h = new MachineHarness(new ExecutionMachine(plan, Jitter.none(), Duration.ofMinutes(10), 1));

        h.start();

        assertThat(h.state.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void cancelsAQueuedExecution() {
        var h = new MachineHarness(new TestWorkflow().act("a").connect("trigger", "a").plan());

        h.on(new ExecutionEvent.CancelRequested("changed my mind"));

        assertThat(h.state.status()).isEqualTo(ExecutionStatus.CANCELLED);
        assertThat(h.state.steps()).isEmpty();
        assertThat(h.last).containsExactly(new CompleteExecution(ExecutionStatus.CANCELLED, json("null"),
                new StepError("cancelled", "changed my mind", false)));
    }

    @Test
    void cancelsARunningExecutionCancellingTheRunningStepAndSkippingTheRest() {
        var h = new MachineHarness(new TestWorkflow().act("a").act("b").connect("trigger", "a").connect("trigger", "b")
                .plan());
        h.start().succeed();
        RunStep running = h.run();

        h.on(new ExecutionEvent.CancelRequested(null));
        h.on(new StepSucceeded(running.stepId(), running.attempt(), json("1"), "main", false, List.of()));

        assertThat(h.state.status()).isEqualTo(ExecutionStatus.CANCELLED);
        assertThat(h.state.error().message()).isEqualTo("The execution was cancelled.");
        assertThat(h.step("a").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(h.step("b").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(h.transitions.getLast().changed()).isFalse();
    }

    @Test
    void cancelsAWaitingExecution() {
        var h = new MachineHarness(new TestWorkflow().node("pause", "test.pause", "{\"seconds\": 60}")
                .connect("trigger", "pause").plan());
        h.start().succeed();
        RunStep pause = h.run();
        h.on(new StepSuspended(pause.stepId(), pause.attempt(), json("{}"), "main", T0.plusSeconds(60), List.of()));
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.WAITING);

        h.on(new ExecutionEvent.CancelRequested("stop"));
        h.advance(Duration.ofSeconds(60)).on(new TimerFired("wait:pause"));

        assertThat(h.state.status()).isEqualTo(ExecutionStatus.CANCELLED);
        assertThat(h.step("pause").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(h.last).isEmpty();
    }

    @Test
    void waitsHoldingNoStepAndResumesWhenTheTimerFires() {
        var h = new MachineHarness(new TestWorkflow().node("pause", "test.pause", "{\"seconds\": 60}").act("after")
                .connect("trigger", "pause").connect("pause", "after").plan());
        h.start().succeed();
        RunStep pause = h.run();

        h.on(new StepSuspended(pause.stepId(), pause.attempt(), json("{\"kept\": true}"), "main", T0.plusSeconds(60),
                List.of()));
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(h.step("pause").status()).isEqualTo(StepStatus.WAITING);
        assertThat(h.step("pause").resumeAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(h.last).containsExactly(new ScheduleTimer("wait:pause", T0.plusSeconds(60)));

        h.advance(Duration.ofSeconds(60)).on(new TimerFired("wait:pause"));

        assertThat(h.step("pause").status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(h.step("pause").finishedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(h.run().stepId()).isEqualTo("after");
        assertThat(h.run().input()).isEqualTo(json("{\"kept\": true}"));
        h.succeed();
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void anOutsideEventEndsAWaitEarlyWithItsOutput() {
        var h = new MachineHarness(new TestWorkflow().node("pause", "test.pause", "{\"seconds\": 60}").act("after")
                .connect("trigger", "pause").connect("pause", "after").plan());
        h.start().succeed();
        RunStep pause = h.run();
        h.on(new StepSuspended(pause.stepId(), pause.attempt(), json("{}"), "main", T0.plusSeconds(60), List.of()));

        h.on(new ExecutionEvent.WaitFinished("pause", json("{\"approved\": true}")));
        h.on(new TimerFired("wait:pause"));

        assertThat(h.step("after").input()).isEqualTo(json("{\"approved\": true}"));
        assertThat(h.transitions.getLast().changed()).isFalse();
    }

    @Test
    void aWaitUntilAPastTimeContinuesAtOnce() {
        var h = new MachineHarness(new TestWorkflow().node("pause", "test.pause", "{\"seconds\": 0}").act("after")
                .connect("trigger", "pause").connect("pause", "after").plan());
        h.start().succeed();
        RunStep pause = h.run();

        h.on(new StepSuspended(pause.stepId(), pause.attempt(), json("{}"), "main", T0, List.of()));

        assertThat(h.run().stepId()).isEqualTo("after");
        assertThat(h.commands(ScheduleTimer.class)).isEmpty();
    }

    @Test
    void ignoresDuplicateStaleAndLateEvents() {
        var h = new MachineHarness(new TestWorkflow().act("a").connect("trigger", "a")
                .with("a", "retry", "{\"max_attempts\": 3}").plan());
        h.start();
        RunStep trigger = h.run();
        h.succeed();
        ExecutionState afterTrigger = h.state;

        assertThat(h.on(new StepSucceeded(trigger.stepId(), 1, json("{}"), "main", false, List.of())).changed()).isFalse();
        assertThat(h.on(new TimerFired("retry:a:2")).changed()).isFalse();
        assertThat(h.on(new TimerFired("nonsense")).changed()).isFalse();
        assertThat(h.on(new ExecutionEvent.StepFailed("a", 7, "x", "y", true, List.of())).changed()).isFalse();
        assertThat(h.on(new ExecutionEvent.ExecutionStarted()).changed()).isFalse();
        assertThat(h.state).isEqualTo(afterTrigger);
        assertThat(h.last).isEmpty();
    }

    @Test
    void ignoresStepEventsWhileQueued() {
        var h = new MachineHarness(new TestWorkflow().act("a").connect("trigger", "a").plan());

        Transition t = h.on(new StepSucceeded("trigger", 1, json("{}"), "main", false, List.of()));

        assertThat(t.changed()).isFalse();
        assertThat(h.state.status()).isEqualTo(ExecutionStatus.QUEUED);
    }

    @Test
    void reissuesWhatIsInFlightWhenAWorkerResumes() {
        var h = new MachineHarness(new TestWorkflow().act("a").act("b").connect("trigger", "a").connect("trigger", "b")
                .with("b", "retry", "{}").timeoutSeconds(600).plan());
        h.start().succeed();
        h.succeed();
        h.fail("io_error", true);
        assertThat(h.runs()).isEmpty();
        ExecutionState persisted = h.state;

        Transition resumed = h.on(new ExecutionEvent.ExecutionResumed());

        assertThat(resumed.changed()).isFalse();
        assertThat(resumed.state()).isEqualTo(persisted);
        assertThat(resumed.commands()).containsExactly(new ScheduleTimer("timeout", T0.plusSeconds(600)),
                new ScheduleTimer("retry:b:2", h.step("b").nextAttemptAt()));
    }

    @Test
    void reissuesARunningStepWithTheSameAttemptAndKeyAfterACrash() {
        var h = new MachineHarness(new TestWorkflow().act("a").connect("trigger", "a").plan());
        h.start().succeed();
        RunStep before = h.run();

        h.on(new ExecutionEvent.ExecutionResumed());

        assertThat(h.run()).isEqualTo(before);
    }

    @Test
    void runsSeveralReadyStepsAtOnceWhenAllowed() {
        var plan = new TestWorkflow().act("a").act("b").act("c").connect("trigger", "a").connect("trigger", "b")
                .connect("trigger", "c").plan();
        var h = new MachineHarness(new ExecutionMachine(plan, Jitter.none(), null, 2));
        h.start().succeed();

        assertThat(h.runs()).extracting(RunStep::stepId).containsExactly("a", "b");
        RunStep b = h.runs().get(1);
        h.succeed(b, json("1"), "main");
        assertThat(h.run().stepId()).isEqualTo("c");
    }

    @Test
    void givesTheSameStatesAndCommandsForTheSameEvents() {
        var plan = new TestWorkflow().act("a").act("b").connect("trigger", "a").connect("a", "b")
                .with("a", "retry", "{\"max_attempts\": 3}").timeoutSeconds(600).plan();
        List<Transition> first = script(new MachineHarness(new ExecutionMachine(plan)));
        List<Transition> second = script(new MachineHarness(new ExecutionMachine(plan)));

        assertThat(second).isEqualTo(first);
        assertThat(first.getLast().state().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    private static List<Transition> script(MachineHarness h) {
        h.start().succeed();
        h.fail("io_error", true);
        ScheduleTimer retry = h.commands(ScheduleTimer.class).getFirst();
        h.now = retry.at();
        h.on(new TimerFired(retry.timerId()));
        h.succeedAll();
        return h.transitions;
    }
}
