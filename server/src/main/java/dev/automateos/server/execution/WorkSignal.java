package dev.automateos.server.execution;

import dev.automateos.server.queue.redis.RedisWorkNotices;
import dev.automateos.server.store.PostgresNotifications;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes workers when fresh work was committed, so new executions start without a polling delay;
 * the worker still polls for timers and expired leases. On PostgreSQL the wake-up also goes out
 * as a NOTIFY on {@value #CHANNEL}, so a worker in another process claims at once too (and after
 * the listener reconnects, workers look for work, in case a wake-up was missed meanwhile). With the
 * Redis broker, Redis pub/sub carries the wake-ups instead ({@link RedisWorkNotices}).
 */
@Component
class WorkSignal {

    static final String CHANNEL = "work";

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final PostgresNotifications notifications;
    private boolean pending;

    WorkSignal(ObjectProvider<PostgresNotifications> postgres, ObjectProvider<RedisWorkNotices> redis) {
        RedisWorkNotices broker = redis.getIfAvailable();
        // The Redis broker announces the work it makes ready itself (after the commit, when the item
        // is there to claim), so a NOTIFY would only repeat it.
        this.notifications = broker == null ? postgres.getIfAvailable() : null;
        if (broker != null) {
            broker.onWork(this::wake);
        }
        if (notifications != null) {
            notifications.listen(CHANNEL, payload -> wake());
            notifications.onReconnect(this::wake);
        }
    }

    /** Wakes the workers once the surrounding transaction commits (at once without one). */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeEverywhere();
                }
            });
        } else {
            wakeEverywhere();
        }
    }

    private void wakeEverywhere() {
        wake();
        if (notifications != null) {
            // Identical notices in one NOTIFY batch reach a listener once, so a burst costs one wake-up each.
            notifications.notify(CHANNEL, "");
        }
    }

    void wake() {
        lock.lock();
        try {
            pending = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Returns when woken, or after {@code millis}. */
    void await(long millis) throws InterruptedException {
        lock.lock();
        try {
            if (!pending) {
                work.await(millis, TimeUnit.MILLISECONDS);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
