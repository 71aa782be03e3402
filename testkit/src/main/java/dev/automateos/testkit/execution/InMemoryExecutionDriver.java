package dev.automateos.testkit.execution;

import dev.automateos.engine.execution.ExecutionCommand;
import dev.automateos.engine.execution.ExecutionCommand.CompleteExecution;
import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionCommand.ScheduleTimer;
import dev.automateos.engine.execution.ExecutionEvent;
import dev.automateos.engine.execution.ExecutionJson;
import dev.automateos.engine.execution.ExecutionMachine;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.execution.ExecutionStatus;
import dev.automateos.engine.execution.StepRunner;
import dev.automateos.engine.execution.Transition;
import dev.automateos.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drives one execution through {@link ExecutionMachine} and {@link StepRunner} in memory, on the
 * caller's thread, with a {@link ManualClock}: a model of what the server's runner does, minus the
 * database and the threads.
 *
 * <p>The loop: decide; persist the new state (here: as JSON text, read back, so every state also
 * proves its stored form); then carry out the commands in order: {@code RunStep} runs the step and
 * feeds its event back, {@code ScheduleTimer} records a timer (fired by {@link #advance}),
 * {@code CompleteExecution} records the end. {@link #crashBeforeRunning} and {@link #restart} play a
 * worker dying between the commit and the commands, and another taking over.
 *
 * <p>Not done here: {@code RunStep.deadline} (a real runner interrupts the attempt and reports
 * {@code StepFailed.timedOut}); a test can send that event itself.
 */
public final class InMemoryExecutionDriver {

    private final ExecutionMachine machine;
    private final StepRunner runner;
    private final ManualClock clock;
    private final Deque<ExecutionCommand> outbox = new ArrayDeque<>();
    private final Map<String, Instant> timers = new LinkedHashMap<>();
    private final List<ExecutionCommand> issued = new ArrayList<>();
    private final List<String> stored = new ArrayList<>();
    private ExecutionState state;
    private CompleteExecution completion;
    private String crashBefore;

    public InMemoryExecutionDriver(ExecutionMachine machine, StepRunner runner, ManualClock clock) {
        this.machine = machine;
        this.runner = runner;
        this.clock = clock;
    }

    /** Stores a queued execution and starts it, running until it finishes or waits. */
    public ExecutionState submit(ExecutionState queued) {
        persist(queued);
        return send(new ExecutionEvent.ExecutionStarted());
    }

    /** Feeds one event and carries out everything that follows from it. */
    public ExecutionState send(ExecutionEvent event) {
        apply(event);
        drain();
        return state;
    }

    /** Moves the clock and fires every timer that is due, earliest first (ties by id). */
    public ExecutionState advance(Duration duration) {
        clock.advance(duration);
        while (true) {
            Optional<Map.Entry<String, Instant>> due = timers.entrySet().stream()
                    .filter(t -> !t.getValue().isAfter(clock.instant()))
                    .min(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
            if (due.isEmpty()) {
                return state;
            }
            timers.remove(due.get().getKey());
            send(new ExecutionEvent.TimerFired(due.get().getKey()));
        }
    }

    /**
     * Arms a crash: when the driver is about to run this step, the worker "dies" instead. The state
     * committed so far (the step marked running) stays; the commands not yet carried out and the
     * timers are lost. {@link #restart} plays the worker that takes over.
     */
    public void crashBeforeRunning(String stepId) {
        this.crashBefore = stepId;
    }

    /** A new worker takes over: reloads the last committed state and resumes it. */
    public ExecutionState restart() {
        outbox.clear();
        timers.clear();
        state = ExecutionJson.read(stored.getLast());
        if (state.status() == ExecutionStatus.QUEUED) {
            return send(new ExecutionEvent.ExecutionStarted());
        }
        return send(new ExecutionEvent.ExecutionResumed());
    }

    public ExecutionState state() {
        return state;
    }

    public Optional<CompleteExecution> completion() {
        return Optional.ofNullable(completion);
    }

    /** Pending timers by id. */
    public Map<String, Instant> timers() {
        return Map.copyOf(timers);
    }

    /** Every command carried out, in order. */
    public List<ExecutionCommand> issued() {
        return List.copyOf(issued);
    }

    /** The ids of the steps run, in order, one entry per attempt. */
    public List<String> runOrder() {
        return issued.stream().filter(c -> c instanceof RunStep).map(c -> ((RunStep) c).stepId()).toList();
    }

    /** Every committed state, as stored. */
    public List<String> storedStates() {
        return List.copyOf(stored);
    }

    private void apply(ExecutionEvent event) {
        Transition transition = machine.decide(state, event, clock.instant());
        if (transition.changed()) {
            persist(transition.state());
        }
        outbox.addAll(transition.commands());
    }

    private void persist(ExecutionState next) {
        String json = ExecutionJson.write(next);
        stored.add(json);
        state = ExecutionJson.read(json);
    }

    private void drain() {
        while (!outbox.isEmpty()) {
            ExecutionCommand command = outbox.removeFirst();
            if (command instanceof RunStep run && run.stepId().equals(crashBefore)) {
                crashBefore = null;
                outbox.clear();
                timers.clear();
                return;
            }
            issued.add(command);
            switch (command) {
                case RunStep run -> apply(runner.run(machine.plan(), state, run));
                case ScheduleTimer timer -> timers.put(timer.timerId(), timer.at());
                case CompleteExecution done -> {
                    completion = done;
                    timers.clear();
                }
            }
        }
    }
}
