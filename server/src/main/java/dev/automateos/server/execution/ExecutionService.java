package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionEvent.CancelRequested;
import dev.automateos.engine.execution.ExecutionPlan;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.execution.Reruns;
import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.execution.ExecutionViews.Accepted;
import dev.automateos.server.execution.ExecutionViews.Detail;
import dev.automateos.server.store.TimeOrderedIds;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The history API's rules: who sees which execution (another user's answers 404 like a missing
 * one), which may be deleted (final ones), cancelled (queued, running, waiting) and re-run.
 */
@Service
class ExecutionService {

    private final ExecutionStore store;
    private final ExecutionPlans plans;
    private final ExecutionDriver driver;
    private final QueuedExecutionLauncher launcher;
    private final TransactionTemplate tx;
    private final Clock clock;

    ExecutionService(ExecutionStore store, ExecutionPlans plans, ExecutionDriver driver,
                     QueuedExecutionLauncher launcher, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.driver = driver;
        this.launcher = launcher;
        this.tx = tx;
        this.clock = clock;
    }

    Page<ExecutionSummary> list(AuthenticatedUser me, ExecutionQuery filters, PageRequest page) {
        var query = new ExecutionQuery(me.role().seesAll() ? null : me.id(), filters.workflowId(), filters.status(),
                filters.triggerKind(), filters.from(), filters.to());
        var rows = store.list(query, ExecutionFilters.cursor(page), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), ExecutionFilters::encode);
    }

    Detail get(AuthenticatedUser me, UUID id) {
        ExecutionRecord execution = readable(me, id);
        ExecutionPlan plan = plans.machine(execution).plan();
        var steps = execution.state().steps().stream().map(step -> {
            var node = plan.node(step.nodeId());
            return ExecutionViews.step(step, node.map(n -> n.name()).orElse(null),
                    node.map(n -> n.type() + "@" + n.version()).orElse(null));
        }).toList();
        return ExecutionViews.detail(execution, steps);
    }

    void delete(AuthenticatedUser me, UUID id) {
        ExecutionRecord execution = changeable(me, id);
        if (!execution.state().status().isTerminal()) {
            throw ApiException.conflict("execution_not_finished",
                    "Only finished executions can be deleted; cancel it first.");
        }
        store.delete(id);
    }

    ExecutionSummary cancel(AuthenticatedUser me, UUID id) {
        ExecutionRecord execution = changeable(me, id);
        if (execution.state().status().isTerminal()) {
            throw ApiException.conflict("execution_finished", "The execution has already finished ("
                    + JdbcExecutionStore.status(execution.state()) + ").");
        }
        driver.send(id, new CancelRequested("Cancelled by " + me.username() + "."));
        return store.summary(id).orElseThrow(ExecutionService::notFound);
    }

    Accepted rerun(AuthenticatedUser me, UUID id, String from) {
        ExecutionRecord old = changeable(me, id);
        String mode = from == null || from.isBlank() ? "start" : from;
        if (!mode.equals("start") && !mode.equals("failed")) {
            throw ApiException.invalidField("from", "invalid_value", "from must be start or failed.");
        }
        if (!old.state().status().isTerminal()) {
            throw ApiException.conflict("execution_not_finished", "Only a finished execution can be re-run.");
        }
        ExecutionState fresh;
        try {
            fresh = mode.equals("start") ? Reruns.fromStart(old.state(), TimeOrderedIds.next(clock), clock.instant())
                    : Reruns.fromFailedStep(old.state(), TimeOrderedIds.next(clock), clock.instant());
        } catch (IllegalStateException e) {
            throw ApiException.conflict("not_rerunnable", e.getMessage());
        }
        var execution = new ExecutionRecord(fresh, old.ownerId(), old.triggerKind(), null, old.draftDefinition(), 0);
        tx.executeWithoutResult(status -> launcher.insertAndEnqueue(execution));
        return Accepted.of(fresh.id(), "queued", false);
    }

    private ExecutionRecord readable(AuthenticatedUser me, UUID id) {
        return store.find(id).filter(e -> me.canSee(e.ownerId())).orElseThrow(ExecutionService::notFound);
    }

    private ExecutionRecord changeable(AuthenticatedUser me, UUID id) {
        ExecutionRecord execution = readable(me, id);
        if (!me.canChange(execution.ownerId())) {
            throw ApiException.forbidden("forbidden", "You may read this execution but not change it.");
        }
        return execution;
    }

    static ApiException notFound() {
        return ApiException.notFound("The execution");
    }
}
