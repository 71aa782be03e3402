package dev.automateos.server.queue;

import dev.automateos.engine.queue.ClaimedItem;
import dev.automateos.engine.queue.Lane;
import dev.automateos.engine.queue.LaneDepth;
import dev.automateos.engine.queue.QueueArguments;
import dev.automateos.engine.queue.WorkItem;
import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.store.SqlDialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link WorkQueue} in the {@code work_queue} table, on H2 or PostgreSQL. A claim runs in
 * one transaction: select ready candidates per lane with a row lock, check per-workflow limits,
 * mark the chosen rows leased. See {@link ClaimTransaction} for the two locking strategies.
 */
public final class JdbcWorkQueue implements WorkQueue {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SqlDialect dialect;
    private final Clock clock;
    // H2 only (SqlDialect.claimsInOneProcess): one claim at a time in this process.
    private final ReentrantLock claimLock = new ReentrantLock();

    public JdbcWorkQueue(DataSource dataSource, SqlDialect dialect, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.dialect = dialect;
        this.clock = clock;
    }

    @Override
    public boolean enqueue(WorkItem item) {
        Instant now = now();
        return jdbc.sql("""
                        insert into work_queue (id, execution_id, workflow_id, lane, available_at, max_concurrency,
                          payload, lease_owner, deliveries, enqueued_at)
                        values (?, ?, ?, ?, ?, ?, ?, null, 0, ?) on conflict do nothing""")
                .params(item.id(), item.executionId(), item.workflowId(), item.lane().wireName(),
                        QueueRows.time(item.availableAt()), item.maxConcurrency(), item.payload(), QueueRows.time(now))
                .update() == 1;
    }

    @Override
    public List<ClaimedItem> claim(String workerId, int max, Duration leaseDuration) {
        QueueArguments.workerId(workerId);
        QueueArguments.max(max);
        QueueArguments.lease(leaseDuration);
        Instant now = now();
        ClaimTransaction claim = new ClaimTransaction(jdbc, dialect, workerId, max, now, now.plus(leaseDuration));
        if (!dialect.claimsInOneProcess()) {
            return tx.execute(status -> claim.run());
        }
        claimLock.lock();
        try {
            return tx.execute(status -> claim.run());
        } finally {
            claimLock.unlock();
        }
    }

    /**
     * Makes every leased item ready now, for the next claim. Only for a database that one process
     * owns ({@link SqlDialect#claimsInOneProcess()}): at start-up, every lease there belongs to a
     * process that is gone, so waiting for the leases to run out would only delay the recovery.
     *
     * @return how many items were released
     */
    public int releaseAllLeases() {
        if (!dialect.claimsInOneProcess()) {
            throw new IllegalStateException("Leases are shared between processes on " + dialect);
        }
        return jdbc.sql("update work_queue set lease_owner = null, available_at = ? where lease_owner is not null")
                .param(QueueRows.time(now())).update();
    }

    @Override
    public Set<UUID> heartbeat(String workerId, Collection<UUID> itemIds, Duration leaseDuration) {
        QueueArguments.workerId(workerId);
        QueueArguments.lease(leaseDuration);
        if (itemIds.isEmpty()) {
            return Set.of();
        }
        Instant until = now().plus(leaseDuration);
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(itemIds));
        return tx.execute(status -> {
            // Lock first, so the answer names exactly the rows this update extended.
            List<UUID> held = jdbc.sql("select id from work_queue where lease_owner = ? and id in ("
                            + QueueRows.placeholders(ids.size()) + ") order by id for update")
                    .params(QueueRows.concat(workerId, ids)).query(UUID.class).list();
            if (!held.isEmpty()) {
                jdbc.sql("update work_queue set available_at = ? where lease_owner = ? and id in ("
                                + QueueRows.placeholders(held.size()) + ")")
                        .params(QueueRows.concat(QueueRows.time(until), QueueRows.concat(workerId, held))).update();
            }
            return Collections.unmodifiableSet(new LinkedHashSet<>(held));
        });
    }

    @Override
    public boolean ack(String workerId, UUID itemId) {
        QueueArguments.workerId(workerId);
        return jdbc.sql("delete from work_queue where id = ? and lease_owner = ?").params(itemId, workerId)
                .update() == 1;
    }

    @Override
    public boolean release(String workerId, UUID itemId, Instant availableAt) {
        QueueArguments.workerId(workerId);
        return jdbc.sql("update work_queue set lease_owner = null, available_at = ? where id = ? and lease_owner = ?")
                .params(QueueRows.time(availableAt), itemId, workerId).update() == 1;
    }

    @Override
    public Map<Lane, LaneDepth> depth() {
        Object now = QueueRows.time(now());
        Map<Lane, LaneDepth> depth = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            depth.put(lane, LaneDepth.EMPTY);
        }
        jdbc.sql("""
                        select lane,
                          sum(case when available_at <= ? then 1 else 0 end),
                          sum(case when available_at > ? and lease_owner is null then 1 else 0 end),
                          sum(case when available_at > ? and lease_owner is not null then 1 else 0 end)
                        from work_queue group by lane""")
                .params(now, now, now)
                .query((rs, n) -> depth.put(Lane.of(rs.getString(1)),
                        new LaneDepth(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return depth;
    }

    @Override
    public Duration oldestWaiting() {
        Instant now = now();
        Instant oldest = null;
        // Per lane, so each minimum is one probe of work_queue_claim_idx.
        for (Lane lane : Lane.values()) {
            Instant first = jdbc.sql("select min(available_at) from work_queue where lane = ? and available_at <= ?")
                    .params(lane.wireName(), QueueRows.time(now))
                    .query((rs, n) -> QueueRows.instant(rs, 1)).list().getFirst();
            if (first != null && (oldest == null || first.isBefore(oldest))) {
                oldest = first;
            }
        }
        return oldest == null ? Duration.ZERO : Duration.between(oldest, now);
    }

    private Instant now() {
        return QueueRows.truncate(clock.instant());
    }
}
