package dev.automateos.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.json.EngineJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Drives {@link ExecutionMachine} by hand: the test plays the runner, feeding events and moving
 * time, and reads the commands of the last transition.
 */
final class MachineHarness {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final UUID EXECUTION = UUID.fromString("00000000-0000-4000-8000-0000000000e1");
    static final UUID WORKFLOW = UUID.fromString("00000000-0000-4000-8000-0000000000f1");

    final ExecutionMachine machine;
    ExecutionState state;
    Instant now = T0;
    List<ExecutionCommand> last = List.of();
    final List<String> runOrder = new ArrayList<>();
    final List<Transition> transitions = new ArrayList<>();

    MachineHarness(ExecutionPlan plan) {
        this(new ExecutionMachine(plan, Jitter.none(), null, 1));
    }

    MachineHarness(ExecutionMachine machine) {
        this.machine = machine;
        this.state = ExecutionState.queued(EXECUTION, WORKFLOW, 3, json("{\"n\": 1}"), T0);
    }

    static JsonNode json(String text) {
        return EngineJson.mapper().readTree(text);
    }

    Transition on(ExecutionEvent event) {
        Transition transition = machine.decide(state, event, now);
        transitions.add(transition);
        state = transition.state();
        last = transition.commands();
        last.stream().filter(c -> c instanceof RunStep).forEach(c -> runOrder.add(((RunStep) c).stepId()));
        return transition;
    }

    MachineHarness start() {
        on(new ExecutionEvent.ExecutionStarted());
        return this;
    }

    MachineHarness advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    /** The one step the last transition asked to run. */
    RunStep run() {
        List<RunStep> runs = runs();
        assertThat(runs).as("RunStep commands of the last transition").hasSize(1);
        return runs.getFirst();
    }

    List<RunStep> runs() {
        return last.stream().filter(c -> c instanceof RunStep).map(RunStep.class::cast).toList();
    }

    /** The running step succeeds by {@code main}, passing its input on. */
    MachineHarness succeed() {
        RunStep run = run();
        return succeed(run, run.input(), "main");
    }

    MachineHarness succeed(RunStep run, JsonNode output, String outputName) {
        on(new ExecutionEvent.StepSucceeded(run.stepId(), run.attempt(), output, outputName, false, List.of()));
        return this;
    }

    MachineHarness fail(String code, boolean retryable) {
        RunStep run = run();
        on(new ExecutionEvent.StepFailed(run.stepId(), run.attempt(), code, "it broke", retryable, List.of("tried")));
        return this;
    }

    /** Succeeds every step it is asked to run until the execution stops asking. */
    MachineHarness succeedAll() {
        for (int i = 0; i < 100 && !runs().isEmpty(); i++) {
            succeed();
        }
        return this;
    }

    Step step(String id) {
        return state.step(id).orElseThrow(() -> new AssertionError("no step " + id + " in " + state.steps()));
    }

    <T extends ExecutionCommand> List<T> commands(Class<T> type) {
        return last.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
