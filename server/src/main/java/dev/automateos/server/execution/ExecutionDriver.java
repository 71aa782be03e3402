package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionCommand;
import dev.automateos.engine.execution.ExecutionCommand.CompleteExecution;
import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionCommand.ScheduleTimer;
import dev.automateos.engine.execution.ExecutionEvent;
import dev.automateos.engine.execution.ExecutionEvent.ExecutionResumed;
import dev.automateos.engine.execution.ExecutionEvent.ExecutionStarted;
import dev.automateos.engine.execution.ExecutionEvent.StepFailed;
import dev.automateos.engine.execution.ExecutionEvent.StepSucceeded;
import dev.automateos.engine.execution.ExecutionEvent.StepSuspended;
import dev.automateos.engine.execution.ExecutionEvent.TimerFired;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.execution.ExecutionStatus;
import dev.automateos.engine.execution.Transition;
import dev.automateos.engine.queue.ClaimedItem;
import dev.automateos.server.store.GroupCommit;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Advances one execution for one claimed queue item. The claim holds the execution in memory
 * ({@link ExecutionBatch}): it is loaded once, events are decided one at a time, and steps of
 * {@link EffectFreeNodes side-effect-free} node types run one after another without a commit. The
 * state (with the timers it scheduled, as queue items) is committed in one transaction:
 * <ul>
 *   <li>before a step of any other node type starts, and right after its result arrives, so an
 *       outside effect never happens twice because of a lost commit and nothing follows it unsaved;</li>
 *   <li>before the end of a run is reported (a webhook caller hears of it only once it is stored);</li>
 *   <li>when the claim has nothing more to run (the execution waits or ended), together with the ack.</li>
 * </ul>
 * A crash loses at most side-effect-free steps, which the resume runs again with the same result.
 * Every save checks the revision it started from; if someone else saved in between (a cancel), the
 * uncommitted events are decided again on the stored state, so the stored state stays the truth.
 */
@Component
class ExecutionDriver {

    /** A committed (or unchanged) state and what to do next; for single events from outside a worker. */
    private record Applied(ExecutionRecord execution, List<ExecutionCommand> commands) {
    }

    private static final int MAX_CONFLICTS = 10;

    private final ExecutionStore store;
    private final ExecutionPlans plans;
    private final ExecutionQueueing queueing;
    private final HistoryRedactor redactor;
    private final ExecutionNotifier notifier;
    private final StepExecutor steps;
    private final TransactionTemplate tx;
    private final GroupCommit commits;
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[64];

    ExecutionDriver(ExecutionStore store, ExecutionPlans plans, ExecutionQueueing queueing, HistoryRedactor redactor,
                    ExecutionNotifier notifier, StepExecutor steps, TransactionTemplate tx, GroupCommit commits,
                    Clock clock) {
        this.store = store;
        this.plans = plans;
        this.queueing = queueing;
        this.redactor = redactor;
        this.notifier = notifier;
        this.steps = steps;
        this.tx = tx;
        this.commits = commits;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Works the item until the execution holds nothing in this process.
     *
     * @return true when the item was acked here (with the last commit), false when the caller must ack it
     */
    boolean process(ClaimedItem claimed) throws InterruptedException {
        return process(claimed, () -> true);
    }

    /**
     * The same, for a worker that may lose the item's lease meanwhile: {@code stillHeld} is asked
     * before every save, and a lost lease ends the work with {@link LeaseLostException}, unsaved.
     */
    boolean process(ClaimedItem claimed, BooleanSupplier stillHeld) throws InterruptedException {
        var loaded = store.find(claimed.item().executionId());
        if (loaded.isEmpty() || ExecutionQueueing.staleRecovery(claimed, loaded.get())) {
            return false; // deleted, or recovered by someone else meanwhile: the item is stale
        }
        var batch = new ExecutionBatch(loaded.get(), plans.machine(loaded.get()), redactor);
        Deque<ExecutionEvent> events = firstEvents(claimed, loaded.get());
        while (true) {
            if (events.isEmpty()) {
                var last = commit(batch, List.of(), claimed, stillHeld);
                if (last == null) {
                    return false;
                }
                carryOut(batch, last.commands(), events); // only after a conflict is there anything left
                if (events.isEmpty()) {
                    return last.acked();
                }
            }
            ExecutionEvent event = events.removeFirst();
            List<ExecutionCommand> commands = batch.decide(event, clock.instant());
            boolean acked = false;
            if (mustCommit(batch, event, commands)) {
                // An ended run holds nothing more here: ack with the commit that stores the end.
                var saved = commit(batch, commands, batch.working().status().isTerminal() ? claimed : null, stillHeld);
                if (saved == null) {
                    return false;
                }
                commands = saved.commands();
                acked = saved.acked();
            }
            carryOut(batch, commands, events);
            if (acked && events.isEmpty()) {
                return true;
            }
        }
    }

    private static Deque<ExecutionEvent> firstEvents(ClaimedItem claimed, ExecutionRecord execution) {
        Deque<ExecutionEvent> events = new ArrayDeque<>();
        String payload = claimed.item().payload();
        if (payload.startsWith(ExecutionQueueing.TIMER_PREFIX)) {
            if (claimed.redelivered()) {
                events.add(new ExecutionResumed());
            }
            events.add(new TimerFired(payload.substring(ExecutionQueueing.TIMER_PREFIX.length())));
        } else {
            boolean queued = execution.state().status() == ExecutionStatus.QUEUED;
            events.add(queued ? new ExecutionStarted() : new ExecutionResumed());
        }
        return events;
    }

    /** The batching rule: see the class comment. */
    private static boolean mustCommit(ExecutionBatch batch, ExecutionEvent event, List<ExecutionCommand> commands) {
        var plan = batch.machine().plan();
        String resultOf = switch (event) {
            case StepSucceeded e -> e.stepId();
            case StepFailed e -> e.stepId();
            case StepSuspended e -> e.stepId();
            default -> null;
        };
        if (resultOf != null && batch.working().step(resultOf)
                .filter(step -> !EffectFreeNodes.isEffectFree(plan, step.nodeId())).isPresent()) {
            return true;
        }
        for (ExecutionCommand command : commands) {
            if (command instanceof CompleteExecution
                    || command instanceof RunStep run && !EffectFreeNodes.isEffectFree(plan, run.nodeId())) {
                return true;
            }
        }
        return false;
    }

    private void carryOut(ExecutionBatch batch, List<ExecutionCommand> commands, Deque<ExecutionEvent> events)
            throws InterruptedException {
        for (ExecutionCommand command : commands) {
            switch (command) {
                case RunStep run -> runStep(batch, run).ifPresent(events::add);
                case CompleteExecution done -> finished(batch.committedRecord());
                case ScheduleTimer timer -> { } // queued with the commit
            }
        }
    }

    private Optional<ExecutionEvent> runStep(ExecutionBatch batch, RunStep run) throws InterruptedException {
        var plan = batch.machine().plan();
        if (EffectFreeNodes.isEffectFree(plan, run.nodeId())) {
            return steps.runHere(plan, batch.view(), run);
        }
        return steps.run(plan, batch.view(), run);
    }

    /**
     * Runs a new execution, not stored yet, to its end in memory, when it can end there: every node
     * of its workflow is side-effect-free, so nothing outside can tell the run happened before the
     * launch commits the ended state (its only commit; a crash before it loses nothing anyone was
     * told of). Empty when the run needs the queue after all (it waits for a retry's back-off
     * timer): the caller then stores the execution queued, and a worker runs it again from the
     * start, with the same result.
     */
    Optional<ExecutionRecord> runInMemory(ExecutionRecord queued) {
        var machine = plans.machine(queued);
        if (!EffectFreeNodes.allEffectFree(machine.plan())) {
            return Optional.empty();
        }
        var batch = new ExecutionBatch(queued, machine, redactor);
        Deque<ExecutionEvent> events = new ArrayDeque<>(List.of(new ExecutionStarted()));
        while (!events.isEmpty()) {
            for (ExecutionCommand command : batch.decide(events.removeFirst(), clock.instant())) {
                switch (command) {
                    case RunStep run -> steps.runHere(machine.plan(), batch.view(), run).ifPresent(events::add);
                    // An ended run drops its timers; a run that would wait for one is not ended below.
                    case ScheduleTimer timer -> { }
                    case CompleteExecution done -> { }
                }
            }
        }
        ExecutionState ended = batch.working();
        return ended.status().isTerminal()
                ? Optional.of(new ExecutionRecord(ended, queued.ownerId(), queued.triggerKind(),
                        queued.idempotencyKey(), queued.draftDefinition(), queued.revision()))
                : Optional.empty();
    }

    /** What a commit leaves to do, and whether it acked the claimed item. */
    private record Saved(List<ExecutionCommand> commands, boolean acked) {
    }

    /**
     * Saves the batch if it changed (and queues its timers) in one transaction, retrying after a
     * conflict with the events decided again. With {@code ackItem}, acks it in the same transaction
     * when nothing is left to run. Returns null when the execution no longer exists.
     */
    private Saved commit(ExecutionBatch batch, List<ExecutionCommand> commands, ClaimedItem ackItem,
                         BooleanSupplier stillHeld) {
        if (!stillHeld.getAsBoolean()) {
            throw new LeaseLostException(batch.committedRecord().id());
        }
        ReentrantLock lock = locks[Math.floorMod(batch.committedRecord().id().hashCode(), locks.length)];
        lock.lock();
        try {
            List<ExecutionCommand> todo = commands;
            for (int attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
                boolean ack = ackItem != null && todo.stream().noneMatch(c -> c instanceof RunStep);
                if (!batch.dirty()) {
                    return new Saved(todo, ack && queueing.ack(ackItem));
                }
                ExecutionRecord before = batch.committedRecord();
                ExecutionRecord next = batch.next();
                // Serialized here; the write may share a commit with other executions' (GroupCommit).
                BooleanSupplier write = store.prepareSave(next, before.revision());
                List<ScheduleTimer> timers = List.copyOf(batch.timers());
                ClaimedItem acked = ack ? ackItem : null;
                Boolean saved = commits.run(() -> save(write, next, timers, acked));
                if (Boolean.TRUE.equals(saved)) {
                    batch.committed(next);
                    // Live events are derived from what the commit changed, batched steps included.
                    notifier.committed(before, next);
                    return new Saved(todo, ack);
                }
                var fresh = store.find(next.id()).orElse(null);
                if (fresh == null) {
                    return null;
                }
                todo = batch.replayOn(fresh, clock.instant());
            }
            throw new IllegalStateException("Execution " + batch.committedRecord().id()
                    + " kept changing under this worker.");
        } finally {
            lock.unlock();
        }
    }

    private boolean save(BooleanSupplier write, ExecutionRecord next, List<ScheduleTimer> timers, ClaimedItem ackItem) {
        if (!write.getAsBoolean()) {
            return false;
        }
        timers.forEach(timer -> queueing.enqueueTimer(next, timer.timerId(), timer.at()));
        if (ackItem != null) {
            queueing.ack(ackItem);
        }
        return true;
    }

    /** Feeds one event from outside a worker (cancel); returns false when the execution does not exist. */
    boolean send(UUID executionId, ExecutionEvent event) {
        Applied applied = apply(executionId, event);
        if (applied == null) {
            return false;
        }
        for (ExecutionCommand command : applied.commands()) {
            if (command instanceof CompleteExecution) {
                finished(applied.execution());
            }
        }
        return true;
    }

    private void finished(ExecutionRecord execution) {
        steps.interruptAll(execution.id());
        notifier.finished(execution);
    }

    private Applied apply(UUID id, ExecutionEvent event) {
        ReentrantLock lock = locks[Math.floorMod(id.hashCode(), locks.length)];
        lock.lock();
        try {
            for (int attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
                var current = store.find(id).orElse(null);
                if (current == null) {
                    return null;
                }
                Transition t = plans.machine(current).decide(current.state(), event, clock.instant());
                var next = t.changed() ? current.with(redactor.redact(t.state())) : current;
                Boolean saved = tx.execute(status -> commit(current, next, t));
                if (Boolean.TRUE.equals(saved)) {
                    notifier.committed(current, next);
                    return new Applied(next, t.commands());
                }
            }
            throw new IllegalStateException("Execution " + id + " kept changing under this worker.");
        } finally {
            lock.unlock();
        }
    }

    private boolean commit(ExecutionRecord current, ExecutionRecord next, Transition t) {
        if (next != current && !store.save(next, current.revision())) {
            return false;
        }
        for (ExecutionCommand command : t.commands()) {
            if (command instanceof ScheduleTimer timer) {
                queueing.enqueueTimer(next, timer.timerId(), timer.at());
            }
        }
        return true;
    }
}
