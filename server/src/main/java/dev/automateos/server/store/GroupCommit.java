package dev.automateos.server.store;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the small write transactions of concurrent callers together ("group commit"), the way a
 * database batches log flushes. Each commit costs about the same whatever it holds (H2 writes a new
 * chunk of every page the transaction touched; PostgreSQL flushes its log), so under load one
 * commit for many callers is far cheaper than one each. Nothing is answered early: {@link #run}
 * returns only once the caller's work is committed.
 *
 * <p>How: the first caller to find no commit in progress leads. It takes every waiting unit (up to
 * {@value #MAX_BATCH}), runs them one after another in one transaction, commits, and wakes their
 * callers; the next waiter leads the next batch. A caller alone commits at once, without waiting
 * for company. If the batch fails, it is rolled back and each unit runs again in a transaction of
 * its own, so one unit's failure (a duplicate key, say) is reported to its caller only.
 *
 * <p>A unit must therefore be database work only, safe to run a second time after a rollback, and
 * must not rely on its caller's thread (it may run on another caller's). Called inside a
 * transaction, {@link #run} just runs the unit there.
 */
@Component
public class GroupCommit {

    static final int MAX_BATCH = 64;

    private final TransactionTemplate tx;
    private final DistributionSummary batchSizes;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Unit<?>> waiting = new ArrayDeque<>();
    private boolean leading;

    public GroupCommit(TransactionTemplate tx, MeterRegistry meters) {
        this.tx = tx;
        this.batchSizes = DistributionSummary.builder("automateos.store.group.commit.size")
                .description("Callers' units committed together in one transaction").register(meters);
    }

    /** Runs {@code work} in a committed transaction, possibly shared with other callers; rethrows its failure. */
    public <T> T run(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        Unit<T> unit = new Unit<>(work, lock.newCondition());
        lock.lock();
        try {
            waiting.add(unit);
            if (leading) {
                while (!unit.done && !unit.leads) {
                    unit.turn.awaitUninterruptibly();
                }
            } else {
                leading = true;
                unit.leads = true;
            }
        } finally {
            lock.unlock();
        }
        if (!unit.done) {
            lead();
        }
        return unit.outcome();
    }

    /** Commits one batch, then hands the lead to the next waiter, if any. */
    private void lead() {
        List<Unit<?>> batch = new ArrayList<>();
        lock.lock();
        try {
            while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(waiting.poll());
            }
        } finally {
            lock.unlock();
        }
        try {
            commit(batch);
        } finally {
            lock.lock();
            try {
                for (Unit<?> unit : batch) {
                    unit.done = true;
                    unit.turn.signal();
                }
                Unit<?> next = waiting.peek();
                if (next == null) {
                    leading = false;
                } else {
                    next.leads = true;
                    next.turn.signal();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void commit(List<Unit<?>> batch) {
        batchSizes.record(batch.size());
        try {
            tx.executeWithoutResult(status -> batch.forEach(Unit::runInBatch));
            return;
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.get(0).failed(e);
                return;
            }
        }
        // Someone's unit failed and took the batch with it: each on its own, to tell whose it was.
        for (Unit<?> unit : batch) {
            try {
                tx.executeWithoutResult(status -> unit.runInBatch());
            } catch (RuntimeException | Error e) {
                unit.failed(e);
            }
        }
    }

    /** One caller's work and what became of it; fields are guarded by the lock once a batch is done. */
    private static final class Unit<T> {

        private final Supplier<T> work;
        private final Condition turn;
        private boolean done;
        private boolean leads;
        private T result;
        private Throwable failure;

        Unit(Supplier<T> work, Condition turn) {
            this.work = work;
            this.turn = turn;
        }

        void runInBatch() {
            failure = null;
            result = work.get();
        }

        void failed(Throwable e) {
            result = null;
            failure = e;
        }

        T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
