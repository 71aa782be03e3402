package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionCommand;
import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionCommand.ScheduleTimer;
import dev.automateos.engine.execution.ExecutionEvent;
import dev.automateos.engine.execution.ExecutionEvent.StepFailed;
import dev.automateos.engine.execution.ExecutionEvent.StepSucceeded;
import dev.automateos.engine.execution.ExecutionEvent.StepSuspended;
import dev.automateos.engine.execution.ExecutionMachine;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.execution.Step;
import dev.automateos.engine.execution.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One execution as one claim holds it in memory: the last committed record, the state after the
 * events decided since, those events (to decide them again on a fresher state if a save loses the
 * revision race), and the timers they scheduled (queued with the next commit). Not thread-safe:
 * one worker thread owns it for the length of a claim.
 */
final class ExecutionBatch {

    private final ExecutionMachine machine;
    private final HistoryRedactor redactor;
    private final Set<Step> clean = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<JsonNode> cleanValues = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<ExecutionEvent> uncommitted = new ArrayList<>();
    private final List<ScheduleTimer> timers = new ArrayList<>();
    private ExecutionRecord committed;
    private ExecutionState working;

    ExecutionBatch(ExecutionRecord committed, ExecutionMachine machine, HistoryRedactor redactor) {
        this.machine = machine;
        this.redactor = redactor;
        reset(committed);
    }

    /** Decides one event on the in-memory state; the commands are to be carried out by the caller. */
    List<ExecutionCommand> decide(ExecutionEvent event, Instant now) {
        Transition t = machine.decide(working, event, now);
        if (t.changed()) {
            working = redactor.redactChanged(t.state(), clean, cleanValues);
            uncommitted.add(event);
        }
        t.commands().stream().filter(c -> c instanceof ScheduleTimer).forEach(c -> timers.add((ScheduleTimer) c));
        return t.commands();
    }

    /** Something to save: a changed state or timers to queue. */
    boolean dirty() {
        return !uncommitted.isEmpty() || !timers.isEmpty();
    }

    /** What a save writes: the working state as the next revision of the committed record. */
    ExecutionRecord next() {
        return committed.with(working);
    }

    List<ScheduleTimer> timers() {
        return timers;
    }

    /** After a successful save of {@link #next()}. */
    void committed(ExecutionRecord saved) {
        committed = saved;
        uncommitted.clear();
        timers.clear();
    }

    /**
     * Someone else saved first: decides the uncommitted events again on the {@code fresh} record and
     * returns the commands still to carry out: all they issue except steps whose result is among
     * those events (those steps already ran here; a side-effect-free step may be run again anyway).
     */
    List<ExecutionCommand> replayOn(ExecutionRecord fresh, Instant now) {
        List<ExecutionEvent> events = List.copyOf(uncommitted);
        Set<String> answered = new HashSet<>();
        events.forEach(e -> answered.add(resultKey(e)));
        reset(fresh);
        List<ExecutionCommand> todo = new ArrayList<>();
        for (ExecutionEvent event : events) {
            for (ExecutionCommand command : decide(event, now)) {
                if (!(command instanceof RunStep run && answered.contains(run.stepId() + "/" + run.attempt()))) {
                    todo.add(command);
                }
            }
        }
        return todo;
    }

    /** The state steps read: the working one (with the committed record's owner and draft). */
    ExecutionRecord view() {
        return new ExecutionRecord(working, committed.ownerId(), committed.triggerKind(), committed.idempotencyKey(),
                committed.draftDefinition(), committed.revision());
    }

    ExecutionState working() {
        return working;
    }

    ExecutionRecord committedRecord() {
        return committed;
    }

    ExecutionMachine machine() {
        return machine;
    }

    private void reset(ExecutionRecord record) {
        committed = record;
        working = record.state();
        clean.clear();
        clean.addAll(working.steps()); // stored states were redacted when saved
        cleanValues.clear();
        uncommitted.clear();
        timers.clear();
    }

    private static String resultKey(ExecutionEvent event) {
        return switch (event) {
            case StepSucceeded e -> e.stepId() + "/" + e.attempt();
            case StepFailed e -> e.stepId() + "/" + e.attempt();
            case StepSuspended e -> e.stepId() + "/" + e.attempt();
            default -> "";
        };
    }
}
