package dev.automateos.server.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A scheduler's memory: for each schedule, when to wake for it, ordered by that time, so the
 * scheduler sleeps until exactly the next one. Everything here is a hint learnt from database reads;
 * the claim decides. Reads race each other (a fire's result against a change notice's re-read), so
 * each piece of news carries the sequence number of the read it came from ({@link #nextRead}), and
 * news from an older read than the one already known is ignored. Thread-safe.
 */
final class DueSchedules {

    private record Wake(Instant at, UUID workflowId, long stamp) {
    }

    /** @param stamp the stamp of the schedule's current wake; 0 when it has none (ended, or being fired) */
    private record Known(long read, long generation, Instant nextFireAt, long stamp) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<UUID, Known> known = new HashMap<>();
    private final PriorityQueue<Wake> wakes = new PriorityQueue<>(Comparator.comparing(Wake::at));
    private long reads;
    private long stamps;

    /** The sequence number to tag a database read with; take it just before the read starts. */
    long nextRead() {
        lock.lock();
        try {
            return ++reads;
        } finally {
            lock.unlock();
        }
    }

    /** What a read that started at {@code read} found for one schedule; wakes at its next occurrence. */
    void learn(long read, ScheduleHead head) {
        learn(read, head, head.nextFireAt());
    }

    /** As {@link #learn(long, ScheduleHead)}, waking at {@code wakeAt} instead (to look again later). */
    void learn(long read, ScheduleHead head, Instant wakeAt) {
        lock.lock();
        try {
            Known current = known.get(head.workflowId());
            if (current != null && current.read() > read) {
                return;
            }
            if (current != null && current.stamp() != 0 && current.generation() == head.generation()
                    && Objects.equals(current.nextFireAt(), head.nextFireAt())
                    && Objects.equals(wakeAt, head.nextFireAt())) {
                // Nothing new: keep the wake already queued rather than pile up another.
                known.put(head.workflowId(), new Known(read, current.generation(), current.nextFireAt(), current.stamp()));
                return;
            }
            long stamp = 0;
            if (wakeAt != null) {
                stamp = ++stamps;
                wakes.add(new Wake(wakeAt, head.workflowId(), stamp));
                compactIfBloated();
                changed.signalAll();
            }
            known.put(head.workflowId(), new Known(read, head.generation(), head.nextFireAt(), stamp));
        } finally {
            lock.unlock();
        }
    }

    /** Wakes for a known schedule again at {@code at}, knowing nothing new about it (a claim failed). */
    void retryAt(UUID workflowId, Instant at) {
        lock.lock();
        try {
            Known current = known.get(workflowId);
            if (current == null) {
                return;
            }
            long stamp = ++stamps;
            wakes.add(new Wake(at, workflowId, stamp));
            known.put(workflowId, new Known(current.read(), current.generation(), current.nextFireAt(), stamp));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A read that started at {@code read} found no such schedule. */
    void forget(long read, UUID workflowId) {
        lock.lock();
        try {
            Known current = known.get(workflowId);
            if (current != null && current.read() <= read) {
                known.remove(workflowId);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The schedules a read that started at {@code read} did not list, of those known before it. */
    List<UUID> absentFrom(long read, Set<UUID> listed) {
        lock.lock();
        try {
            List<UUID> absent = new ArrayList<>();
            known.forEach((id, k) -> {
                if (k.read() < read && !listed.contains(id)) {
                    absent.add(id);
                }
            });
            return absent;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least one schedule is due (or {@code maxWait} passed), then takes up to
     * {@code limit} due ones: they have no wake until news of them is learnt again. Empty when
     * nothing became due in time.
     */
    List<UUID> awaitDue(Clock clock, int limit, Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + maxWait.toNanos();
            while (true) {
                Instant now = clock.instant();
                Wake first = firstCurrent();
                if (first != null && !first.at().isAfter(now)) {
                    return take(now, limit);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return List.of();
                }
                long untilFirst = first == null ? Long.MAX_VALUE : Duration.between(now, first.at()).toNanos();
                changed.awaitNanos(Math.min(left, Math.max(untilFirst, TimeUnit.MICROSECONDS.toNanos(100))));
            }
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return known.size();
        } finally {
            lock.unlock();
        }
    }

    /** When the earliest wake is, or null; for tests. */
    Instant firstWake() {
        lock.lock();
        try {
            Wake first = firstCurrent();
            return first == null ? null : first.at();
        } finally {
            lock.unlock();
        }
    }

    private List<UUID> take(Instant now, int limit) {
        List<UUID> due = new ArrayList<>();
        while (due.size() < limit) {
            Wake first = firstCurrent();
            if (first == null || first.at().isAfter(now)) {
                break;
            }
            wakes.poll();
            Known k = known.get(first.workflowId());
            known.put(first.workflowId(), new Known(k.read(), k.generation(), k.nextFireAt(), 0));
            due.add(first.workflowId());
        }
        return due;
    }

    /** The earliest wake that is still its schedule's current one; drops stale ones on the way. */
    private Wake firstCurrent() {
        Wake first;
        while ((first = wakes.peek()) != null) {
            Known k = known.get(first.workflowId());
            if (k != null && k.stamp() == first.stamp()) {
                return first;
            }
            wakes.poll();
        }
        return null;
    }

    /** Stale wakes leave the queue only when they reach its head; rebuild it when they pile up. */
    private void compactIfBloated() {
        if (wakes.size() <= 2 * known.size() + 1_000) {
            return;
        }
        List<Wake> current = new ArrayList<>();
        for (Wake wake : wakes) {
            Known k = known.get(wake.workflowId());
            if (k != null && k.stamp() == wake.stamp()) {
                current.add(wake);
            }
        }
        wakes.clear();
        wakes.addAll(current);
    }
}
