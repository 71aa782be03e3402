package dev.automateos.engine.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds a new, queued execution from a finished one. The old execution stays as it was (history);
 * the new one points back at it with {@code rerun_of}, keeps the workflow version it ran, and is
 * started like any queued execution ({@link ExecutionEvent.ExecutionStarted}).
 */
public final class Reruns {

    private Reruns() {}

    /** Runs the whole workflow again with the same trigger payload. */
    public static ExecutionState fromStart(ExecutionState old, UUID newId, Instant now) {
        ExecutionState fresh = ExecutionState.queued(newId, old.workflowId(), old.workflowVersion(),
                old.triggerPayload(), now);
        return withRerunOf(fresh, old.id(), fresh.steps(), fresh.ready(), null);
    }

    /**
     * Continues where a failed (or cancelled) execution stopped: succeeded and filtered steps keep
     * their outputs (so {@code $nodes} sees them) and do not run again; the failed or cancelled steps
     * run first, with the same inputs and fresh attempts, then the steps that were skipped, in the
     * order they would have run. Step ids stay the same, so idempotency keys differ only by execution.
     *
     * @throws IllegalStateException when the execution did not fail and was not cancelled
     */
    public static ExecutionState fromFailedStep(ExecutionState old, UUID newId, Instant now) {
        if (old.status() != ExecutionStatus.FAILED && old.status() != ExecutionStatus.CANCELLED) {
            throw new IllegalStateException("Only a failed or cancelled execution can be re-run from its failed step; "
                    + "this one is " + old.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        List<Step> steps = new ArrayList<>();
        List<String> first = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Step step : old.steps()) {
            switch (step.status()) {
                case FAILED, CANCELLED -> {
                    steps.add(step.reset());
                    first.add(step.id());
                }
                case SKIPPED, PENDING, RUNNING, WAITING -> {
                    steps.add(step.reset());
                    skipped.add(step.id());
                }
                default -> steps.add(step);
            }
        }
        List<String> ready = new ArrayList<>(first);
        // Skipped steps that were ready keep their run order; the rest (in back-off or waiting) follow.
        old.ready().stream().filter(skipped::contains).forEach(ready::add);
        skipped.stream().filter(id -> !ready.contains(id)).forEach(ready::add);
        ExecutionState fresh = ExecutionState.queued(newId, old.workflowId(), old.workflowVersion(),
                old.triggerPayload(), now);
        return withRerunOf(fresh, old.id(), steps, ready, old.resultStepId());
    }

    private static ExecutionState withRerunOf(ExecutionState s, UUID rerunOf, List<Step> steps, List<String> ready,
                                              String resultStepId) {
        return new ExecutionState(s.id(), s.workflowId(), s.workflowVersion(), s.status(), s.triggerPayload(), steps,
                ready, resultStepId, null, s.createdAt(), null, null, null, rerunOf);
    }
}
