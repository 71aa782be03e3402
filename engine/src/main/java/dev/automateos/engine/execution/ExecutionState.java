package dev.automateos.engine.execution;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Everything the engine knows about one execution: immutable, and stored as JSON by the execution
 * store ({@link ExecutionJson}). The state machine ({@link ExecutionMachine}) is the only thing that
 * makes new states from old ones, besides {@link Reruns}.
 *
 * @param id              the execution id; part of every step's idempotency key
 * @param workflowId      the workflow
 * @param workflowVersion the workflow version this execution is pinned to
 * @param status          see {@link ExecutionStatus}
 * @param triggerPayload  what the trigger received (webhook request, run input); the trigger step's input
 * @param steps           every step activated so far, in activation order
 * @param ready           ids of pending steps that may run now, in run order (head first)
 * @param resultStepId    the last step that succeeded (not filtered); its output is the execution's result
 * @param error           why the execution failed or was cancelled; null otherwise
 * @param createdAt       when it was accepted
 * @param startedAt       when a worker started it
 * @param finishedAt      when it reached a terminal status
 * @param deadline        when it times out ({@code settings.timeout_seconds} after the start); null for no limit
 * @param rerunOf         the execution this one re-runs, or null
 */
public record ExecutionState(UUID id, UUID workflowId, int workflowVersion, ExecutionStatus status,
                             JsonNode triggerPayload, List<Step> steps, List<String> ready, String resultStepId,
                             StepError error, Instant createdAt, Instant startedAt, Instant finishedAt,
                             Instant deadline, UUID rerunOf) {

    public ExecutionState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        triggerPayload = triggerPayload == null ? NullNode.getInstance() : triggerPayload;
        steps = steps == null ? List.of() : List.copyOf(steps);
        ready = ready == null ? List.of() : List.copyOf(ready);
    }

    /** A new execution, accepted and waiting for a worker. Persist it before acknowledging the trigger. */
    public static ExecutionState queued(UUID id, UUID workflowId, int workflowVersion, JsonNode triggerPayload,
                                        Instant now) {
        return new ExecutionState(id, workflowId, workflowVersion, ExecutionStatus.QUEUED, triggerPayload, List.of(),
                List.of(), null, null, now, null, null, null, null);
    }

    /** The step with this id. */
    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** The execution's result: the output of {@link #resultStepId}, or JSON null. */
    @JsonIgnore
    public JsonNode result() {
        return resultStepId == null ? NullNode.getInstance()
                : step(resultStepId).map(Step::output).orElse(NullNode.getInstance());
    }
}
