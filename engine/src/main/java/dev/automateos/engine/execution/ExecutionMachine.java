package dev.automateos.engine.execution;

import dev.automateos.engine.execution.ExecutionCommand.CompleteExecution;
import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionCommand.ScheduleTimer;
import dev.automateos.engine.execution.ExecutionEvent.CancelRequested;
import dev.automateos.engine.execution.ExecutionEvent.ExecutionResumed;
import dev.automateos.engine.execution.ExecutionEvent.ExecutionStarted;
import dev.automateos.engine.execution.ExecutionEvent.ExecutionTimedOut;
import dev.automateos.engine.execution.ExecutionEvent.StepFailed;
import dev.automateos.engine.execution.ExecutionEvent.StepSucceeded;
import dev.automateos.engine.execution.ExecutionEvent.StepSuspended;
import dev.automateos.engine.execution.ExecutionEvent.TimerFired;
import dev.automateos.engine.execution.ExecutionEvent.WaitFinished;
import dev.automateos.engine.execution.ExecutionPlan.PlanNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The execution state machine: {@code decide(state, event, now)} gives the next state and the
 * commands to carry out. Pure and deterministic: no clock, no I/O, no threads; the same states and
 * events always give the same transitions. One instance per {@link ExecutionPlan}; thread-safe.
 *
 * <p>The rules (fan-out order, fan-in, retries, timeouts, cancel, wait) are in {@code docs/engine.md}.
 */
public final class ExecutionMachine {

    private final ExecutionPlan plan;
    private final Jitter jitter;
    private final Duration defaultTimeout;
    private final int maxParallelSteps;

    /** Hashed jitter, no timeout unless the workflow sets one, one step at a time. */
    public ExecutionMachine(ExecutionPlan plan) {
        this(plan, Jitter.hashed(), null, 1);
    }

    /**
     * @param defaultTimeout   the execution timeout when the workflow sets none; null for no limit
     * @param maxParallelSteps how many steps may run at once (1 runs branches one after another)
     */
    public ExecutionMachine(ExecutionPlan plan, Jitter jitter, Duration defaultTimeout, int maxParallelSteps) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.defaultTimeout = defaultTimeout;
        if (maxParallelSteps < 1) {
            throw new IllegalArgumentException("maxParallelSteps must be at least 1");
        }
        this.maxParallelSteps = maxParallelSteps;
    }

    public ExecutionPlan plan() {
        return plan;
    }

    /** The next state and the commands for it. Events that do not apply leave the state unchanged. */
    public Transition decide(ExecutionState state, ExecutionEvent event, Instant now) {
        if (state.status().isTerminal()) {
            return Transition.unchanged(state);
        }
        StateEditor edit = new StateEditor(state, now);
        boolean queued = state.status() == ExecutionStatus.QUEUED;
        boolean applies = switch (event) {
            case ExecutionStarted e -> queued && start(edit);
            case ExecutionResumed e -> !queued && resume(edit);
            case StepSucceeded e -> !queued && succeeded(edit, e);
            case StepFailed e -> !queued && failed(edit, e);
            case StepSuspended e -> !queued && suspended(edit, e);
            case TimerFired e -> !queued && timerFired(edit, e.timerId());
            case WaitFinished e -> !queued && waitFinished(edit, e);
            case CancelRequested e -> abort(edit, ExecutionStatus.CANCELLED, new StepError("cancelled",
                    e.reason() == null || e.reason().isBlank() ? "The execution was cancelled." : e.reason(), false));
            case ExecutionTimedOut e -> timeOut(edit);
        };
        if (!applies) {
            return Transition.unchanged(state);
        }
        settle(edit);
        ExecutionState next = edit.build();
        return new Transition(next, edit.commands, !next.equals(state));
    }

    private boolean start(StateEditor edit) {
        edit.status = ExecutionStatus.RUNNING;
        edit.startedAt = edit.now;
        Duration timeout = plan.timeout().orElse(defaultTimeout);
        if (timeout != null) {
            edit.deadline = edit.now.plus(timeout);
            edit.commands.add(new ScheduleTimer(Timers.TIMEOUT, edit.deadline));
        }
        if (edit.steps.isEmpty()) {
            edit.ready.add(edit.activate(plan.trigger().id(), null, edit.original.triggerPayload()));
        }
        return true;
    }

    /** Re-issues what is in flight; {@link #settle} then dispatches or times out as usual. */
    private boolean resume(StateEditor edit) {
        if (edit.deadline != null) {
            edit.commands.add(new ScheduleTimer(Timers.TIMEOUT, edit.deadline));
        }
        for (Step step : edit.steps) {
            switch (step.status()) {
                case RUNNING -> edit.commands.add(runStep(edit, step));
                case WAITING -> edit.commands.add(new ScheduleTimer(Timers.wait(step.id()), step.resumeAt()));
                case PENDING -> {
                    if (step.nextAttemptAt() != null) {
                        edit.commands.add(new ScheduleTimer(Timers.retry(step.id(), step.attempt() + 1),
                                step.nextAttemptAt()));
                    }
                }
                default -> { }
            }
        }
        return true;
    }

    private boolean succeeded(StateEditor edit, StepSucceeded e) {
        Step step = edit.running(e.stepId(), e.attempt()).orElse(null);
        if (step == null) {
            return false;
        }
        if (e.filtered()) {
            edit.put(step.finished(StepStatus.FILTERED, e.output(), e.outputName(), null, e.log(), edit.now));
        } else {
            passOn(edit, step.finished(StepStatus.SUCCEEDED, e.output(), e.outputName(), null, e.log(), edit.now));
        }
        return true;
    }

    /** Records a succeeded step and activates the nodes on its output, ahead of older ready steps (depth first). */
    private void passOn(StateEditor edit, Step done) {
        edit.put(done);
        edit.resultStepId = done.id();
        List<String> activated = new ArrayList<>();
        for (String target : plan.targets(done.nodeId(), done.outputName())) {
            activated.add(edit.activate(target, done.id(), done.output()));
        }
        edit.ready.addAll(0, activated);
    }

    private boolean failed(StateEditor edit, StepFailed e) {
        Step step = edit.running(e.stepId(), e.attempt()).orElse(null);
        if (step == null) {
            return false;
        }
        StepError error = new StepError(e.code(), e.message(), e.retryable());
        RetryPolicy policy = node(step).retry();
        if (e.retryable() && policy.allowsAnotherAfter(step.attempt())) {
            double fraction = jitter.fraction(edit.original.id().toString(), step.id(), step.attempt());
            Instant at = edit.now.plus(policy.delayAfter(step.attempt(), fraction));
            edit.put(step.retryAt(error, e.log(), at));
            edit.commands.add(new ScheduleTimer(Timers.retry(step.id(), step.attempt() + 1), at));
            return true;
        }
        edit.put(step.finished(StepStatus.FAILED, null, null, error, e.log(), edit.now));
        String attempts = step.attempt() > 1 ? " after " + step.attempt() + " attempts" : "";
        return abort(edit, ExecutionStatus.FAILED, new StepError(e.code(),
                "Step '" + step.id() + "' failed" + attempts + ": " + e.message(), false));
    }

    private boolean suspended(StateEditor edit, StepSuspended e) {
        Step step = edit.running(e.stepId(), e.attempt()).orElse(null);
        if (step == null) {
            return false;
        }
        if (e.resumeAt() == null || !e.resumeAt().isAfter(edit.now)) {
            passOn(edit, step.finished(StepStatus.SUCCEEDED, e.output(), e.outputName(), null, e.log(), edit.now));
            return true;
        }
        edit.put(step.suspended(e.output(), e.outputName(), e.log(), e.resumeAt()));
        edit.commands.add(new ScheduleTimer(Timers.wait(step.id()), e.resumeAt()));
        return true;
    }

    private boolean timerFired(StateEditor edit, String timerId) {
        Timers.Parsed timer = Timers.parse(timerId);
        if (timer == null) {
            return false;
        }
        return switch (timer.kind()) {
            case TIMEOUT -> timeOut(edit);
            case WAIT -> edit.step(timer.stepId()).filter(s -> s.status() == StepStatus.WAITING)
                    .map(s -> resumeWaiting(edit, s, s.output())).orElse(false);
            case RETRY -> edit.step(timer.stepId())
                    .filter(s -> s.status() == StepStatus.PENDING && s.nextAttemptAt() != null
                            && s.attempt() + 1 == timer.attempt())
                    .map(s -> {
                        edit.put(s.retryDue());
                        edit.ready.addFirst(s.id());
                        return true;
                    }).orElse(false);
        };
    }

    private boolean waitFinished(StateEditor edit, WaitFinished e) {
        return edit.step(e.stepId()).filter(s -> s.status() == StepStatus.WAITING)
                .map(s -> resumeWaiting(edit, s, e.output() == null ? s.output() : e.output())).orElse(false);
    }

    private boolean resumeWaiting(StateEditor edit, Step step, JsonNode output) {
        passOn(edit, step.finished(StepStatus.SUCCEEDED, output, step.outputName(), null, step.log(), edit.now));
        return true;
    }

    private boolean timeOut(StateEditor edit) {
        Duration limit = edit.deadline != null && edit.startedAt != null
                ? Duration.between(edit.startedAt, edit.deadline) : null;
        return abort(edit, ExecutionStatus.FAILED, new StepError("execution_timeout",
                "The execution did not finish within its timeout" + (limit == null ? "" : " of "
                        + limit.toSeconds() + " s") + ".", false));
    }

    /** Ends the run: running steps are cancelled, pending and waiting ones skipped. {@code ready} is kept for re-runs. */
    private boolean abort(StateEditor edit, ExecutionStatus terminal, StepError reason) {
        for (Step step : List.copyOf(edit.steps)) {
            switch (step.status()) {
                case RUNNING -> edit.put(step.aborted(StepStatus.CANCELLED, reason, edit.now));
                case PENDING, WAITING -> edit.put(step.aborted(StepStatus.SKIPPED, null, edit.now));
                default -> { }
            }
        }
        edit.status = terminal;
        edit.error = reason;
        edit.finishedAt = edit.now;
        edit.commands.add(new CompleteExecution(terminal, edit.result(), reason));
        return true;
    }

    /** After every event: time out past the deadline, start ready steps, and derive the status. */
    private void settle(StateEditor edit) {
        if (edit.status.isTerminal()) {
            return;
        }
        if (edit.deadline != null && !edit.now.isBefore(edit.deadline)) {
            timeOut(edit);
            return;
        }
        while (edit.count(StepStatus.RUNNING) < maxParallelSteps && !edit.ready.isEmpty()) {
            Step step = edit.step(edit.ready.removeFirst()).orElseThrow().started(edit.now);
            edit.put(step);
            edit.commands.add(runStep(edit, step));
        }
        if (edit.count(StepStatus.RUNNING) > 0) {
            edit.status = ExecutionStatus.RUNNING;
        } else if (edit.anyTimerPending()) {
            edit.status = ExecutionStatus.WAITING;
        } else {
            edit.status = ExecutionStatus.SUCCEEDED;
            edit.finishedAt = edit.now;
            edit.commands.add(new CompleteExecution(ExecutionStatus.SUCCEEDED, edit.result(), null));
        }
    }

    private RunStep runStep(StateEditor edit, Step step) {
        PlanNode node = node(step);
        Instant deadline = node.timeout() == null ? null : edit.now.plus(node.timeout());
        if (edit.deadline != null && (deadline == null || edit.deadline.isBefore(deadline))) {
            deadline = edit.deadline;
        }
        return new RunStep(step.id(), step.nodeId(), step.attempt(), step.input(),
                edit.original.id() + ":" + step.id(), deadline);
    }

    private PlanNode node(Step step) {
        return plan.node(step.nodeId()).orElseThrow(() -> new IllegalStateException(
                "Step " + step.id() + " runs node " + step.nodeId() + ", which this workflow version does not have."));
    }
}
