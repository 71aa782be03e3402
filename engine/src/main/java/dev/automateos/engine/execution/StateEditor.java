package dev.automateos.engine.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A mutable working copy of one {@link ExecutionState} during one transition, and the commands
 * the transition issues. Lives for one {@code decide} call only.
 */
final class StateEditor {

    final ExecutionState original;
    final Instant now;
    ExecutionStatus status;
    final List<Step> steps;
    final List<String> ready;
    String resultStepId;
    StepError error;
    Instant startedAt;
    Instant finishedAt;
    Instant deadline;
    final List<ExecutionCommand> commands = new ArrayList<>();

    StateEditor(ExecutionState state, Instant now) {
        this.original = state;
        this.now = now;
        this.status = state.status();
        this.steps = new ArrayList<>(state.steps());
        this.ready = new ArrayList<>(state.ready());
        this.resultStepId = state.resultStepId();
        this.error = state.error();
        this.startedAt = state.startedAt();
        this.finishedAt = state.finishedAt();
        this.deadline = state.deadline();
    }

    Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** The step, if it is running exactly this attempt; anything else is a stale or duplicate result. */
    Optional<Step> running(String stepId, int attempt) {
        return step(stepId).filter(s -> s.status() == StepStatus.RUNNING && s.attempt() == attempt);
    }

    void put(Step step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(step.id())) {
                steps.set(i, step);
                return;
            }
        }
        throw new IllegalStateException("no step " + step.id());
    }

    /** Adds a pending step for the node; the first activation's id is the node id, later ones {@code id#n}. */
    String activate(String nodeId, String parentStepId, JsonNode input) {
        long earlier = steps.stream().filter(s -> s.nodeId().equals(nodeId)).count();
        String id = earlier == 0 ? nodeId : nodeId + "#" + (earlier + 1);
        steps.add(Step.pending(id, nodeId, parentStepId, input));
        return id;
    }

    long count(StepStatus wanted) {
        return steps.stream().filter(s -> s.status() == wanted).count();
    }

    boolean anyTimerPending() {
        return steps.stream().anyMatch(s -> s.status() == StepStatus.WAITING
                || s.status() == StepStatus.PENDING && s.nextAttemptAt() != null);
    }

    JsonNode result() {
        return build().result();
    }

    ExecutionState build() {
        return new ExecutionState(original.id(), original.workflowId(), original.workflowVersion(), status,
                original.triggerPayload(), steps, ready, resultStepId, error, original.createdAt(), startedAt,
                finishedAt, deadline, original.rerunOf());
    }
}
