package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionCommand;
import dev.automateos.engine.execution.ExecutionCommand.CompleteExecution;
import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionCommand.ScheduleTimer;
import dev.automateos.engine.execution.ExecutionEvent;
import dev.automateos.engine.execution.ExecutionEvent.ExecutionResumed;
import dev.automateos.engine.execution.ExecutionEvent.ExecutionStarted;
import dev.automateos.engine.execution.ExecutionEvent.TimerFired;
import dev.automateos.engine.execution.ExecutionStatus;
import dev.automateos.engine.execution.Transition;
import dev.automateos.engine.queue.ClaimedItem;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Advances one execution for one claimed queue item: feeds events to the state machine one at a
 * time, commits each transition (and the timers it schedules, as queue items) in one transaction
 * BEFORE carrying out its commands, runs steps through {@link StepExecutor}, and reports finished
 * executions. Returns when nothing of the execution runs in this process any more (it waits for
 * a timer, or ended). Every decision reloads the stored state, so the stored state is the truth.
 */
@Component
class ExecutionDriver {

    /** A committed (or unchanged) state and what to do next. */
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
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[64];

    ExecutionDriver(ExecutionStore store, ExecutionPlans plans, ExecutionQueueing queueing, HistoryRedactor redactor,
                    ExecutionNotifier notifier, StepExecutor steps, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.queueing = queueing;
        this.redactor = redactor;
        this.notifier = notifier;
        this.steps = steps;
        this.tx = tx;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Works the item until the execution holds nothing in this process. */
    void process(ClaimedItem claimed) throws InterruptedException {
        UUID id = claimed.item().executionId();
        var execution = store.find(id);
        if (execution.isEmpty()) {
            return; // deleted: the item is stale
        }
        Deque<ExecutionEvent> events = new ArrayDeque<>();
        String payload = claimed.item().payload();
        if (payload.startsWith(ExecutionQueueing.TIMER_PREFIX)) {
            if (claimed.redelivered()) {
                events.add(new ExecutionResumed());
            }
            events.add(new TimerFired(payload.substring(ExecutionQueueing.TIMER_PREFIX.length())));
        } else {
            boolean queued = execution.get().state().status() == ExecutionStatus.QUEUED;
            events.add(queued ? new ExecutionStarted() : new ExecutionResumed());
        }
        while (!events.isEmpty()) {
            Applied applied = apply(id, events.removeFirst());
            if (applied == null) {
                return;
            }
            for (ExecutionCommand command : applied.commands()) {
                switch (command) {
                    case RunStep run -> steps.run(plans.machine(applied.execution()).plan(), applied.execution(), run)
                            .ifPresent(events::add);
                    case CompleteExecution done -> finished(applied.execution());
                    case ScheduleTimer timer -> { } // queued with the commit
                }
            }
        }
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
