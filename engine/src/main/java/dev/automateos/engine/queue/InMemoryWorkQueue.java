package dev.automateos.engine.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link WorkQueue} in memory, for tests and tools. Not durable. One lock guards everything;
 * a claim sorts the whole queue, which is fine for the sizes tests use.
 */
public final class InMemoryWorkQueue implements WorkQueue {

    private static final Comparator<Entry> ORDER = Comparator.<Entry, Lane>comparing(e -> e.item.lane())
            .thenComparing(e -> e.availableAt).thenComparingLong(e -> e.seq);

    private final Clock clock;
    private final Map<UUID, Entry> entries = new HashMap<>();
    private long nextSeq;

    public InMemoryWorkQueue(Clock clock) {
        this.clock = clock;
    }

    /** Mirrors a row of the JDBC queue: a lease moves {@code availableAt} to the lease's end. */
    private static final class Entry {
        final WorkItem item;
        final long seq;
        Instant availableAt;
        String holder;
        int deliveries;

        Entry(WorkItem item, long seq) {
            this.item = item;
            this.seq = seq;
            this.availableAt = item.availableAt();
        }

        boolean leasedAt(Instant now) {
            return holder != null && availableAt.isAfter(now);
        }

        boolean readyAt(Instant now) {
            return !availableAt.isAfter(now);
        }
    }

    @Override
    public synchronized boolean enqueue(WorkItem item) {
        if (entries.containsKey(item.id())) {
            return false;
        }
        entries.put(item.id(), new Entry(item, nextSeq++));
        return true;
    }

    @Override
    public synchronized List<ClaimedItem> claim(String workerId, int max, Duration leaseDuration) {
        QueueArguments.workerId(workerId);
        QueueArguments.max(max);
        QueueArguments.lease(leaseDuration);
        Instant now = clock.instant();
        Map<UUID, Integer> leasedPerWorkflow = new HashMap<>();
        entries.values().stream().filter(e -> e.leasedAt(now))
                .forEach(e -> leasedPerWorkflow.merge(e.item.workflowId(), 1, Integer::sum));
        List<Entry> ready = entries.values().stream()
                .filter(e -> e.readyAt(now)).sorted(ORDER).toList();
        List<ClaimedItem> claimed = new ArrayList<>();
        for (Entry e : ready) {
            if (claimed.size() == max) {
                break;
            }
            int leased = leasedPerWorkflow.getOrDefault(e.item.workflowId(), 0);
            if (e.item.maxConcurrency() > 0 && leased >= e.item.maxConcurrency()) {
                continue;
            }
            leasedPerWorkflow.put(e.item.workflowId(), leased + 1);
            WorkItem asClaimed = e.item.withAvailableAt(e.availableAt);
            e.holder = workerId;
            e.availableAt = now.plus(leaseDuration);
            e.deliveries++;
            claimed.add(new ClaimedItem(asClaimed, workerId, e.availableAt, e.deliveries));
        }
        return claimed;
    }

    @Override
    public synchronized Set<UUID> heartbeat(String workerId, Collection<UUID> itemIds, Duration leaseDuration) {
        QueueArguments.workerId(workerId);
        QueueArguments.lease(leaseDuration);
        Instant until = clock.instant().plus(leaseDuration);
        Set<UUID> extended = new LinkedHashSet<>();
        for (UUID id : itemIds) {
            Entry e = entries.get(id);
            if (e != null && workerId.equals(e.holder)) {
                e.availableAt = until;
                extended.add(id);
            }
        }
        return extended;
    }

    @Override
    public synchronized boolean ack(String workerId, UUID itemId) {
        Entry e = entries.get(itemId);
        if (e == null || !QueueArguments.workerId(workerId).equals(e.holder)) {
            return false;
        }
        entries.remove(itemId);
        return true;
    }

    @Override
    public synchronized boolean release(String workerId, UUID itemId, Instant availableAt) {
        Entry e = entries.get(itemId);
        if (e == null || !QueueArguments.workerId(workerId).equals(e.holder)) {
            return false;
        }
        e.holder = null;
        e.availableAt = availableAt;
        return true;
    }

    @Override
    public synchronized Map<Lane, LaneDepth> depth() {
        Instant now = clock.instant();
        Map<Lane, long[]> counts = new LinkedHashMap<>();
        for (Lane lane : Lane.values()) {
            counts.put(lane, new long[3]);
        }
        for (Entry e : entries.values()) {
            long[] c = counts.get(e.item.lane());
            c[e.readyAt(now) ? 0 : e.holder == null ? 1 : 2]++;
        }
        Map<Lane, LaneDepth> depth = new EnumMap<>(Lane.class);
        counts.forEach((lane, c) -> depth.put(lane, new LaneDepth(c[0], c[1], c[2])));
        return depth;
    }

    @Override
    public synchronized Duration oldestWaiting() {
        Instant now = clock.instant();
        return entries.values().stream().filter(e -> e.readyAt(now))
                .map(e -> Duration.between(e.availableAt, now)).max(Comparator.naturalOrder())
                .orElse(Duration.ZERO);
    }
}
