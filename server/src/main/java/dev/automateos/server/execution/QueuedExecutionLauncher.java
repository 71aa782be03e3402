package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.ProcessRole;
import dev.automateos.server.store.GroupCommit;
import dev.automateos.server.store.TimeOrderedIds;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.workflow.WorkflowStore;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * {@link ExecutionLauncher}: the execution row and its queue item in one transaction, then a
 * wake-up. In a process with the worker role, a run of a workflow made only of side-effect-free
 * steps is first run to its end in memory ({@link ExecutionDriver#runInMemory}); then the ended
 * execution is the one row stored, with no queue item, and the launch already knows the outcome.
 * That skips the claim and the second commit, which is most of what such a run costs. Runs of
 * workflows with a concurrency limit always go through the queue, which enforces the limit; and
 * no more of these run at once than the worker's concurrency, so the excess queues as before.
 */
@Service
class QueuedExecutionLauncher implements ExecutionLauncher {

    private final WorkflowStore workflows;
    private final ExecutionStore store;
    private final ExecutionPlans plans;
    private final ExecutionQueueing queueing;
    private final HistoryRedactor redactor;
    private final WorkSignal signal;
    private final GroupCommit commits;
    private final Clock clock;
    private final ExecutionDriver driver;
    private final ExecutionNotifier notifier;
    private final boolean runsHere;
    private final Semaphore inMemoryRuns;

    QueuedExecutionLauncher(WorkflowStore workflows, ExecutionStore store, ExecutionPlans plans,
                            ExecutionQueueing queueing, HistoryRedactor redactor, WorkSignal signal,
                            GroupCommit commits, Clock clock, ExecutionDriver driver, ExecutionNotifier notifier,
                            AutomateOsProperties properties) {
        this.workflows = workflows;
        this.store = store;
        this.plans = plans;
        this.queueing = queueing;
        this.redactor = redactor;
        this.signal = signal;
        this.commits = commits;
        this.clock = clock;
        this.driver = driver;
        this.notifier = notifier;
        this.runsHere = properties.hasRole(ProcessRole.WORKER);
        this.inMemoryRuns = new Semaphore(properties.engine().workerConcurrency());
    }

    @Override
    public LaunchedExecution launch(LaunchRequest request) {
        Pinned workflow = pin(request);
        if (request.idempotencyKey() != null) {
            var earlier = store.findByIdempotencyKey(workflow.id(), request.idempotencyKey());
            if (earlier.isPresent()) {
                return new LaunchedExecution(earlier.get(), true);
            }
        }
        int version = workflow.version();
        JsonNode draft = request.draftDefinition();
        // Refuses a missing version or an invalid draft before anything is stored.
        if (draft != null) {
            plans.compile(draft);
        } else {
            plans.machine(workflow.id(), version); // compiled once per version, then cached
        }
        JsonNode payload = request.triggerPayload() == null ? NullNode.getInstance()
                : redactor.redactPayload(request.triggerPayload());
        var state = ExecutionState.queued(TimeOrderedIds.next(clock), workflow.id(), version, payload, clock.instant());
        var execution = new ExecutionRecord(state, workflow.ownerId(),
                request.triggerKind(), request.idempotencyKey(), draft, 0);
        ExecutionRecord ended = runInMemory(execution);
        Runnable insert = store.prepareInsert(ended == null ? execution : ended);
        try {
            // Many launches share a commit under load; each returns once its own row is committed.
            commits.run(() -> {
                insert.run();
                if (ended == null) {
                    enqueue(execution);
                }
                return null;
            });
        } catch (DuplicateKeyException e) {
            // Another delivery with the same key won the race.
            return new LaunchedExecution(store.findByIdempotencyKey(workflow.id(), request.idempotencyKey())
                    .orElseThrow(() -> e), true);
        }
        if (ended == null) {
            return new LaunchedExecution(state.id(), false);
        }
        notifier.committed(execution, ended);
        notifier.finished(ended);
        return new LaunchedExecution(state.id(), false, notifier.outcome(ended));
    }

    /** The workflow, version and owner a launch runs as. */
    private record Pinned(UUID id, int version, UUID ownerId) {
    }

    /**
     * A caller that names both the version and the owner (a webhook, which just read them) needs no
     * workflow lookup; the version is checked against the cached plans either way.
     */
    private Pinned pin(LaunchRequest request) {
        if (request.version() != null && request.ownerId() != null) {
            return new Pinned(request.workflowId(), request.version(), request.ownerId());
        }
        var workflow = workflows.find(request.workflowId()).orElseThrow(() -> ApiException.notFound("The workflow"));
        return new Pinned(workflow.id(), request.version() == null ? workflow.version() : request.version(),
                request.ownerId() == null ? workflow.ownerId() : request.ownerId());
    }

    /** The ended execution when the run could end in memory here (see the class comment), else null. */
    private ExecutionRecord runInMemory(ExecutionRecord execution) {
        if (!runsHere || plans.placement(execution).maxConcurrency() > 0 || !inMemoryRuns.tryAcquire()) {
            return null;
        }
        try {
            return driver.runInMemory(execution).orElse(null);
        } finally {
            inMemoryRuns.release();
        }
    }

    /** Also used for re-runs, which bring their own prepared state. */
    void insertAndEnqueue(ExecutionRecord execution) {
        store.insert(execution);
        enqueue(execution);
    }

    private void enqueue(ExecutionRecord execution) {
        queueing.enqueueRun(execution, execution.state().createdAt());
        signal.wakeAfterCommit();
    }
}
