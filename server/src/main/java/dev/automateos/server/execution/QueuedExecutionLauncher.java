package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.workflow.WorkflowStore;
import java.time.Clock;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/** {@link ExecutionLauncher}: the execution row and its queue item in one transaction, then a wake-up. */
@Service
class QueuedExecutionLauncher implements ExecutionLauncher {

    private final WorkflowStore workflows;
    private final ExecutionStore store;
    private final ExecutionPlans plans;
    private final ExecutionQueueing queueing;
    private final HistoryRedactor redactor;
    private final WorkSignal signal;
    private final TransactionTemplate tx;
    private final Clock clock;

    QueuedExecutionLauncher(WorkflowStore workflows, ExecutionStore store, ExecutionPlans plans,
                            ExecutionQueueing queueing, HistoryRedactor redactor, WorkSignal signal,
                            TransactionTemplate tx, Clock clock) {
        this.workflows = workflows;
        this.store = store;
        this.plans = plans;
        this.queueing = queueing;
        this.redactor = redactor;
        this.signal = signal;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public LaunchedExecution launch(LaunchRequest request) {
        var workflow = workflows.find(request.workflowId())
                .orElseThrow(() -> ApiException.notFound("The workflow"));
        if (request.idempotencyKey() != null) {
            var earlier = store.findByIdempotencyKey(workflow.id(), request.idempotencyKey());
            if (earlier.isPresent()) {
                return new LaunchedExecution(earlier.get(), true);
            }
        }
        int version = request.version() == null ? workflow.version() : request.version();
        JsonNode draft = request.draftDefinition();
        // Refuses a missing version or an invalid draft before anything is stored.
        if (draft != null) {
            plans.compile(draft);
        } else {
            plans.machine(workflow.id(), version); // compiled once per version, then cached
        }
        JsonNode payload = request.triggerPayload() == null ? NullNode.getInstance()
                : redactor.redactPayload(request.triggerPayload());
        var state = ExecutionState.queued(UUID.randomUUID(), workflow.id(), version, payload, clock.instant());
        var execution = new ExecutionRecord(state, request.ownerId() == null ? workflow.ownerId() : request.ownerId(),
                request.triggerKind(), request.idempotencyKey(), draft, 0);
        try {
            tx.executeWithoutResult(status -> insertAndEnqueue(execution));
        } catch (DuplicateKeyException e) {
            // Another delivery with the same key won the race.
            return new LaunchedExecution(store.findByIdempotencyKey(workflow.id(), request.idempotencyKey())
                    .orElseThrow(() -> e), true);
        }
        return new LaunchedExecution(state.id(), false);
    }

    /** Also used for re-runs, which bring their own prepared state. */
    void insertAndEnqueue(ExecutionRecord execution) {
        store.insert(execution);
        queueing.enqueueRun(execution, execution.state().createdAt());
        signal.wakeAfterCommit();
    }
}
