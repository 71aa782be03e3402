package dev.automateos.server.execution;

import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.workflow.WorkflowStore;
import dev.automateos.server.workflow.WorkflowSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Manual runs of a workflow (optionally waiting for the outcome) and its run counters. */
@Service
class WorkflowRunService {

    /** How many of the latest finished runs the duration percentiles look at. */
    static final int DURATION_SAMPLE = 1_000;

    /** What a run call answers: the outcome when it finished in time, or where to look later. */
    record RunResult(ExecutionOutcome outcome, LaunchedExecution launched) {
    }

    private final WorkflowStore workflows;
    private final ExecutionLauncher launcher;
    private final ExecutionOutcomes outcomes;
    private final ExecutionStore store;

    WorkflowRunService(WorkflowStore workflows, ExecutionLauncher launcher, ExecutionOutcomes outcomes,
                       ExecutionStore store) {
        this.workflows = workflows;
        this.launcher = launcher;
        this.outcomes = outcomes;
        this.store = store;
    }

    RunResult run(AuthenticatedUser me, UUID workflowId, JsonNode input, String idempotencyKey, Duration wait) {
        WorkflowSummary workflow = workflows.find(workflowId).filter(w -> me.canChange(w.ownerId()))
                .orElseThrow(() -> ApiException.notFound("The workflow"));
        LaunchedExecution launched = launcher.launch(new LaunchRequest(workflow.id(), null, null, workflow.ownerId(),
                "manual", input, idempotencyKey));
        if (wait == null) {
            return new RunResult(null, launched);
        }
        if (launched.ended() != null) {
            return new RunResult(launched.ended(), launched);
        }
        try {
            return new RunResult(outcomes.whenFinished(launched.executionId())
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS), launched);
        } catch (TimeoutException e) {
            return new RunResult(null, launched);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RunResult(null, launched);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ApiException api ? api : new IllegalStateException(e.getCause());
        }
    }

    ExecutionViews.Stats stats(AuthenticatedUser me, UUID workflowId) {
        workflows.find(workflowId).filter(w -> me.canSee(w.ownerId()))
                .orElseThrow(() -> ApiException.notFound("The workflow"));
        Map<String, Long> counts = store.countByStatus(workflowId);
        long runs = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Long> durations = new ArrayList<>(store.recentDurations(workflowId, DURATION_SAMPLE));
        Collections.sort(durations);
        return new ExecutionViews.Stats(workflowId, runs, counts.getOrDefault("succeeded", 0L),
                counts.getOrDefault("failed", 0L), counts.getOrDefault("cancelled", 0L),
                counts.getOrDefault("queued", 0L) + counts.getOrDefault("running", 0L)
                        + counts.getOrDefault("waiting", 0L),
                percentile(durations, 50), percentile(durations, 95), durations.size());
    }

    /** Nearest-rank percentile of sorted values; null for none. */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
