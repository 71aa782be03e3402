package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.execution.Step;
import dev.automateos.engine.execution.StepError;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The records the execution API answers with. */
final class ExecutionViews {

    private ExecutionViews() {
    }

    /** A run or re-run was accepted; poll {@code status_url}. */
    record Accepted(UUID id, String status, String statusUrl, boolean duplicate) {
        static Accepted of(UUID id, String status, boolean duplicate) {
            return new Accepted(id, status, ExecutionViews.statusUrl(id), duplicate);
        }
    }

    /** A run that finished while the caller waited. */
    record Finished(UUID id, String status, JsonNode result, ErrorView error, String statusUrl) {
        static Finished of(ExecutionOutcome o) {
            return new Finished(o.executionId(), o.status(), o.result(),
                    o.errorCode() == null ? null : new ErrorView(o.errorCode(), o.errorMessage(), null),
                    ExecutionViews.statusUrl(o.executionId()));
        }
    }

    record ErrorView(String code, String message, Boolean retryable) {
        static ErrorView of(StepError e) {
            return e == null ? null : new ErrorView(e.code(), e.message(), e.retryable());
        }
    }

    record StepView(String id, String nodeId, String nodeName, String nodeType, String parentStepId, String status,
                    int attempts, JsonNode input, JsonNode output, String outputName, ErrorView error,
                    List<String> log, Instant startedAt, Instant finishedAt, Long durationMs,
                    Instant nextAttemptAt, Instant resumeAt) {
    }

    record Detail(UUID id, UUID workflowId, int workflowVersion, boolean draft, UUID ownerId, String triggerKind,
                  String status, UUID rerunOf, Instant createdAt, Instant startedAt, Instant finishedAt,
                  Long durationMs, ErrorView error, JsonNode triggerPayload, JsonNode result, List<StepView> steps) {
    }

    record Stats(UUID workflowId, long runs, long succeeded, long failures, long cancelled, long inProgress,
                 Long p50DurationMs, Long p95DurationMs, int durationSample) {
    }

    /** Everything from one read of the state, so status and steps always agree. */
    static Detail detail(ExecutionRecord execution, List<StepView> steps) {
        ExecutionState s = execution.state();
        Long duration = s.startedAt() == null || s.finishedAt() == null ? null
                : java.time.Duration.between(s.startedAt(), s.finishedAt()).toMillis();
        return new Detail(s.id(), s.workflowId(), s.workflowVersion(), execution.draftDefinition() != null,
                execution.ownerId(), execution.triggerKind(), JdbcExecutionStore.status(s), s.rerunOf(),
                s.createdAt(), s.startedAt(), s.finishedAt(), duration, ErrorView.of(s.error()), s.triggerPayload(),
                s.result(), steps);
    }

    static StepView step(Step step, String nodeName, String nodeType) {
        Long duration = step.startedAt() == null || step.finishedAt() == null ? null
                : java.time.Duration.between(step.startedAt(), step.finishedAt()).toMillis();
        return new StepView(step.id(), step.nodeId(), nodeName, nodeType, step.parentStepId(),
                step.status().name().toLowerCase(Locale.ROOT), step.attempt(), step.input(), step.output(),
                step.outputName(), ErrorView.of(step.error()), step.log(), step.startedAt(), step.finishedAt(),
                duration, step.nextAttemptAt(), step.resumeAt());
    }

    static String statusUrl(UUID id) {
        return "/api/v1/executions/" + id;
    }
}
