package dev.automateos.server.queue.redis;

import dev.automateos.engine.queue.ClaimedItem;
import dev.automateos.engine.queue.Lane;
import dev.automateos.engine.queue.LaneDepth;
import dev.automateos.engine.queue.QueueArguments;
import dev.automateos.engine.queue.WorkItem;
import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.queue.BrokerInventory;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link WorkQueue} on Redis (docs/queue.md, "The Redis broker"). Each lane is a stream with
 * the consumer group {@code workers}: an item is a stream entry, and a lease puts the entry on the
 * worker's pending list (XCLAIM, which also takes the entries of a dead worker once its lease
 * ran out), with the delivery count. A stream hands out entries in append order only, and the
 * contract orders by availability, skips workflows at their limit and times leases by the
 * injected clock; so sorted sets per lane say what is ready or leased until when, in microseconds
 * of that clock, and every operation is one Lua script, atomic in Redis.
 *
 * <p>If Redis loses its data (restarted empty) while a worker of this process still works on an
 * item, the worker's next heartbeat puts the lease back ({@link HeldItems}), so the reconciler
 * does not resume that execution beside it.
 *
 * <p>Inside a Spring-managed transaction, {@link #enqueue}, {@link #ack} and {@link #release} take
 * effect after the commit, and not at all after a rollback ({@link PendingWrites}); they then
 * answer {@code true}, which means "will be done after the commit", since their real answer is
 * not known yet. Outside a transaction they act at once and answer as the SPI says.
 */
public final class RedisWorkQueue implements WorkQueue, BrokerInventory {

    private static final Logger LOG = LoggerFactory.getLogger(RedisWorkQueue.class);

    private static final RedisScript ENQUEUE = RedisScript.load("enqueue");
    private static final RedisScript CLAIM = RedisScript.load("claim");
    private static final RedisScript HEARTBEAT = RedisScript.load("heartbeat");
    private static final RedisScript ACK = RedisScript.load("ack");
    private static final RedisScript RELEASE = RedisScript.load("release");
    private static final RedisScript DEPTH = RedisScript.load("depth");
    /** As in the JDBC queue: bounds a claim's cost when the heads of the lanes are all at their limit. */
    static final int MAX_SCANNED = 1000;

    private final StatefulRedisConnection<String, String> connection;
    private final String prefix;
    private final Clock clock;
    private final AtomicLong lostWrites = new AtomicLong();
    private final AtomicLong lostInARow = new AtomicLong();
    private final HeldItems held = new HeldItems();

    public RedisWorkQueue(StatefulRedisConnection<String, String> connection, String prefix, Clock clock) {
        this.connection = connection;
        this.prefix = prefix;
        this.clock = clock;
    }

    @Override
    public boolean enqueue(WorkItem item) {
        if (PendingWrites.deferring()) {
            PendingWrites.enqueue(this, item);
            return true;
        }
        return enqueueNow(List.of(item)).getFirst();
    }

    /** Adds the items in one script call; answers per item whether it was added. */
    List<Boolean> enqueueNow(List<WorkItem> items) {
        List<String> args = new ArrayList<>(2 + items.size() * 8);
        args.add(prefix);
        args.add(micros(clock.instant()));
        for (WorkItem item : items) {
            args.addAll(List.of(item.id().toString(), item.executionId().toString(), item.workflowId().toString(),
                    item.lane().wireName(), micros(item.availableAt()), item.availableAt().toString(),
                    String.valueOf(item.maxConcurrency()), item.payload()));
        }
        List<Long> added = ENQUEUE.run(redis(), ScriptOutputType.MULTI, args.toArray(String[]::new));
        return added.stream().map(n -> n == 1L).toList();
    }

    @Override
    public List<ClaimedItem> claim(String workerId, int max, Duration leaseDuration) {
        QueueArguments.workerId(workerId);
        QueueArguments.max(max);
        QueueArguments.lease(leaseDuration);
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(leaseDuration);
        List<Object> flat = CLAIM.run(redis(), ScriptOutputType.MULTI, prefix, micros(now), micros(leaseEnd),
                leaseEnd.toString(), workerId, String.valueOf(max), String.valueOf(MAX_SCANNED),
                UUID.randomUUID().toString());
        String epoch = (String) flat.getFirst();
        held.forgetAbandoned(now);
        List<ClaimedItem> claimed = new ArrayList<>(flat.size() / 8);
        for (int i = 1; i < flat.size(); i += 8) {
            WorkItem item = new WorkItem(uuid(flat.get(i)), uuid(flat.get(i + 1)), uuid(flat.get(i + 2)),
                    Lane.of((String) flat.get(i + 3)), Instant.parse((String) flat.get(i + 4)),
                    Integer.parseInt((String) flat.get(i + 5)), (String) flat.get(i + 6));
            ClaimedItem one = new ClaimedItem(item, workerId, leaseEnd, ((Long) flat.get(i + 7)).intValue());
            held.claimed(one, epoch);
            claimed.add(one);
        }
        return claimed;
    }

    @Override
    public Set<UUID> heartbeat(String workerId, Collection<UUID> itemIds, Duration leaseDuration) {
        QueueArguments.workerId(workerId);
        QueueArguments.lease(leaseDuration);
        if (itemIds.isEmpty()) {
            return Set.of();
        }
        Instant leaseEnd = clock.instant().plus(leaseDuration);
        List<String> args = new ArrayList<>(List.of(prefix, workerId, micros(leaseEnd), leaseEnd.toString(),
                UUID.randomUUID().toString()));
        Set<UUID> asked = new LinkedHashSet<>(itemIds);
        for (UUID id : asked) {
            HeldItems.Held mine = held.of(workerId, id);
            WorkItem item = mine == null ? null : mine.claimed().item();
            args.addAll(item == null ? List.of(id.toString(), "", "", "", "", "", "", "", "")
                    : List.of(id.toString(), mine.epoch(), item.executionId().toString(),
                            item.workflowId().toString(), item.lane().wireName(), item.availableAt().toString(),
                            String.valueOf(item.maxConcurrency()), item.payload(),
                            String.valueOf(mine.claimed().deliveries())));
        }
        List<String> answer = HEARTBEAT.run(redis(), ScriptOutputType.MULTI, args.toArray(String[]::new));
        String epoch = answer.getFirst();
        Set<UUID> extended = new LinkedHashSet<>();
        answer.subList(1, answer.size()).forEach(id -> extended.add(UUID.fromString(id)));
        for (UUID id : asked) {
            if (extended.contains(id)) {
                held.extended(id, leaseEnd, epoch);
            } else {
                held.gone(workerId, id);
            }
        }
        return extended;
    }

    @Override
    public boolean ack(String workerId, UUID itemId) {
        QueueArguments.workerId(workerId);
        if (PendingWrites.deferring()) {
            PendingWrites.ack(this, workerId, itemId);
            return true;
        }
        return ackNow(workerId, itemId);
    }

    boolean ackNow(String workerId, UUID itemId) {
        held.gone(workerId, itemId);
        Long acked = ACK.run(redis(), ScriptOutputType.INTEGER, prefix, workerId, itemId.toString());
        return acked == 1L;
    }

    @Override
    public boolean release(String workerId, UUID itemId, Instant availableAt) {
        QueueArguments.workerId(workerId);
        if (PendingWrites.deferring()) {
            PendingWrites.release(this, workerId, itemId, availableAt);
            return true;
        }
        return releaseNow(workerId, itemId, availableAt);
    }

    boolean releaseNow(String workerId, UUID itemId, Instant availableAt) {
        held.gone(workerId, itemId);
        Long released = RELEASE.run(redis(), ScriptOutputType.INTEGER, prefix, workerId, itemId.toString(),
                micros(clock.instant()), micros(availableAt), availableAt.toString());
        return released == 1L;
    }

    @Override
    public Map<Lane, LaneDepth> depth() {
        List<Long> counts = lanes();
        Map<Lane, LaneDepth> depth = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            int at = lane.ordinal() * 4;
            depth.put(lane, new LaneDepth(counts.get(at), counts.get(at + 1), counts.get(at + 2)));
        }
        return depth;
    }

    @Override
    public Duration oldestWaiting() {
        Instant now = clock.instant();
        long nowMicros = Long.parseLong(micros(now));
        List<Long> counts = lanes();
        long oldest = Long.MAX_VALUE;
        for (int at = 3; at < counts.size(); at += 4) {
            if (counts.get(at) >= 0) {
                oldest = Math.min(oldest, counts.get(at));
            }
        }
        return oldest == Long.MAX_VALUE ? Duration.ZERO : Duration.of(nowMicros - oldest, ChronoUnit.MICROS);
    }

    @Override
    public Set<UUID> withItems(Collection<UUID> executionIds) {
        var async = connection.async();
        List<UUID> ids = List.copyOf(executionIds);
        List<RedisFuture<Long>> answers = new ArrayList<>(ids.size());
        ids.forEach(id -> answers.add(async.exists(prefix + "exec:" + id)));
        if (!LettuceFutures.awaitAll(connection.getTimeout().toMillis(), TimeUnit.MILLISECONDS,
                answers.toArray(RedisFuture[]::new))) {
            throw new IllegalStateException("Redis did not answer within " + connection.getTimeout());
        }
        Set<UUID> queued = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (answers.get(i).resultNow() == 1L) {
                queued.add(ids.get(i));
            }
        }
        return queued;
    }

    /** Queue writes lost after a commit because Redis failed them; the reconciler makes up for them. */
    public long lostWrites() {
        return lostWrites.get();
    }

    /**
     * Counts what became of one transaction's writes. An outage fails every commit's writes, so it
     * logs the first loss and the return, not each loss.
     */
    void afterCommitWrites(int done, int lost, RuntimeException failure) {
        if (lost > 0) {
            lostWrites.addAndGet(lost);
            if (lostInARow.getAndAdd(lost) == 0) {
                LOG.warn("Redis queue: writes after database commits fail ({}); the reconciler queues the affected "
                        + "executions again", failure.toString());
            }
        } else if (done > 0) {
            long lostMeanwhile = lostInARow.getAndSet(0);
            if (lostMeanwhile > 0) {
                LOG.info("Redis queue: writes after database commits succeed again; {} were lost meanwhile",
                        lostMeanwhile);
            }
        }
    }

    private List<Long> lanes() {
        return DEPTH.run(redis(), ScriptOutputType.MULTI, prefix, micros(clock.instant()));
    }

    private RedisCommands<String, String> redis() {
        return connection.sync();
    }

    /** Microseconds since the epoch: exact as a Redis sorted-set score (a double) for the next 200 years. */
    static String micros(Instant instant) {
        return String.valueOf(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1_000));
    }

    private static UUID uuid(Object text) {
        return UUID.fromString((String) text);
    }
}
