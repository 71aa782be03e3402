package dev.automateos.engine.execution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * One run of one node inside an execution, as stored. Immutable; the state machine makes changed
 * copies with the {@code with…} methods.
 *
 * @param id            stable step id: the node id for the node's first activation, {@code <node_id>#2},
 *                      {@code #3}, ... for later ones (fan-in)
 * @param nodeId        the node (or trigger) this step runs
 * @param parentStepId  the step whose output activated this one; null for the trigger step
 * @param status        see {@link StepStatus}
 * @param attempt       attempts started so far (0 while never run)
 * @param input         the activating step's output (the trigger payload for the trigger step); JSON null if none
 * @param output        the node's output once it finished (or suspended); JSON null before
 * @param outputName    the output the step left by; null before it finished
 * @param error         the last error: the final one when failed, the one being retried while pending
 * @param log           lines the node logged during its last attempt
 * @param startedAt     when the first attempt started
 * @param finishedAt    when the step reached a final status
 * @param nextAttemptAt when a retry is due (pending steps in back-off only)
 * @param resumeAt      when a waiting step resumes (waiting steps only)
 */
public record Step(String id, String nodeId, String parentStepId, StepStatus status, int attempt,
                   JsonNode input, JsonNode output, String outputName, StepError error, List<String> log,
                   Instant startedAt, Instant finishedAt, Instant nextAttemptAt, Instant resumeAt) {

    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(status, "status");
        input = input == null ? NullNode.getInstance() : input;
        output = output == null ? NullNode.getInstance() : output;
        log = log == null ? List.of() : List.copyOf(log);
    }

    /** A freshly activated step. */
    static Step pending(String id, String nodeId, String parentStepId, JsonNode input) {
        return new Step(id, nodeId, parentStepId, StepStatus.PENDING, 0, input, null, null, null, null,
                null, null, null, null);
    }

    Step started(Instant now) {
        return new Step(id, nodeId, parentStepId, StepStatus.RUNNING, attempt + 1, input, null, null, error, null,
                startedAt == null ? now : startedAt, null, null, null);
    }

    Step finished(StepStatus newStatus, JsonNode newOutput, String newOutputName, StepError newError,
                  List<String> newLog, Instant now) {
        return new Step(id, nodeId, parentStepId, newStatus, attempt, input, newOutput, newOutputName, newError,
                newLog, startedAt, now, null, null);
    }

    Step retryAt(StepError lastError, List<String> newLog, Instant at) {
        return new Step(id, nodeId, parentStepId, StepStatus.PENDING, attempt, input, null, null, lastError, newLog,
                startedAt, null, at, null);
    }

    Step suspended(JsonNode newOutput, String newOutputName, List<String> newLog, Instant until) {
        return new Step(id, nodeId, parentStepId, StepStatus.WAITING, attempt, input, newOutput, newOutputName, null,
                newLog, startedAt, null, null, until);
    }

    Step retryDue() {
        return new Step(id, nodeId, parentStepId, StepStatus.PENDING, attempt, input, output, outputName, error, log,
                startedAt, null, null, null);
    }

    Step aborted(StepStatus newStatus, StepError reason, Instant now) {
        return new Step(id, nodeId, parentStepId, newStatus, attempt, input, output, outputName,
                reason == null ? error : reason, log, startedAt, now, null, null);
    }

    /** The same activation, as if it had never run: for re-runs. */
    Step reset() {
        return pending(id, nodeId, parentStepId, input);
    }
}
