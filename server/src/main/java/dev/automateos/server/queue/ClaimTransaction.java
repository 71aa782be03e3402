package dev.automateos.server.queue;

import dev.automateos.engine.queue.ClaimedItem;
import dev.automateos.engine.queue.Lane;
import dev.automateos.server.queue.QueueRows.Candidate;
import dev.automateos.server.store.SqlDialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One claim, run inside a transaction. Lane by lane, it selects ready rows in
 * (available_at, seq) order with a row lock, keeps those the per-workflow limits allow, and
 * marks them leased.
 *
 * <p>On PostgreSQL the select uses {@code FOR UPDATE SKIP LOCKED}, so concurrent claims from
 * any process take disjoint rows without waiting. Row locks alone cannot keep a workflow's
 * limit (two claims could each lease its last free slot), so a claim that meets a limited
 * workflow first takes a transaction-scoped advisory lock on it without waiting; if another
 * claim holds it, this claim skips that workflow's items, and the other claim serves them. On
 * H2 the whole claim runs under an in-process lock instead (see {@code JdbcWorkQueue}).
 */
final class ClaimTransaction {

    /**
     * Most candidate rows one claim looks at. Bounds a claim's cost when many items of
     * workflows at their limit sit at the head of the lanes; items beyond wait for a later claim.
     */
    static final int MAX_SCANNED = 1000;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final String workerId;
    private final int max;
    private final Instant now;
    private final Instant leaseEnd;
    private final Map<UUID, Integer> liveLeases = new HashMap<>();
    private final Map<UUID, Integer> acceptedPerWorkflow = new HashMap<>();
    private final Set<UUID> heldByOtherClaim = new HashSet<>();
    private final List<Candidate> accepted = new ArrayList<>();
    private int scanned;

    ClaimTransaction(JdbcClient jdbc, SqlDialect dialect, String workerId, int max, Instant now, Instant leaseEnd) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.workerId = workerId;
        this.max = max;
        this.now = now;
        this.leaseEnd = leaseEnd;
    }

    List<ClaimedItem> run() {
        for (Lane lane : Lane.values()) {
            if (accepted.size() == max || scanned >= MAX_SCANNED) {
                break;
            }
            scanLane(lane);
        }
        if (accepted.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = accepted.stream().map(c -> c.item().id()).toList();
        jdbc.sql("update work_queue set lease_owner = ?, available_at = ?, deliveries = deliveries + 1 where id in ("
                        + QueueRows.placeholders(ids.size()) + ")")
                .params(QueueRows.concat(workerId, QueueRows.concat(QueueRows.time(leaseEnd), ids))).update();
        return accepted.stream().map(c -> new ClaimedItem(c.item(), workerId, leaseEnd, c.deliveries() + 1)).toList();
    }

    private void scanLane(Lane lane) {
        Candidate last = null;
        while (accepted.size() < max && scanned < MAX_SCANNED) {
            int want = max - accepted.size();
            List<Candidate> batch = select(lane, last, want);
            scanned += batch.size();
            for (Candidate candidate : batch) {
                if (admit(candidate)) {
                    accepted.add(candidate);
                }
            }
            if (batch.size() < want) {
                return;
            }
            last = batch.getLast();
        }
    }

    private List<Candidate> select(Lane lane, Candidate after, int limit) {
        String keyset = after == null ? "" : " and (available_at, seq) > (?, ?)";
        List<Object> params = new ArrayList<>(List.of(lane.wireName(), QueueRows.time(now)));
        if (after != null) {
            params.add(QueueRows.time(after.item().availableAt()));
            params.add(after.seq());
        }
        params.add(limit);
        return jdbc.sql("select " + QueueRows.ITEM_COLUMNS + " from work_queue where lane = ? and available_at <= ?"
                        + keyset + " order by available_at, seq fetch first ? rows only" + dialect.claimLocking())
                .params(params).query(QueueRows::candidate).list();
    }

    private boolean admit(Candidate candidate) {
        UUID workflow = candidate.item().workflowId();
        int limit = candidate.item().maxConcurrency();
        if (limit > 0) {
            if (heldByOtherClaim.contains(workflow)) {
                return false;
            }
            if (!liveLeases.containsKey(workflow)) {
                if (!lockWorkflow(workflow)) {
                    heldByOtherClaim.add(workflow);
                    return false;
                }
                liveLeases.put(workflow, countLiveLeases(workflow));
            }
            if (liveLeases.get(workflow) + acceptedPerWorkflow.getOrDefault(workflow, 0) >= limit) {
                return false;
            }
        }
        acceptedPerWorkflow.merge(workflow, 1, Integer::sum);
        return true;
    }

    private boolean lockWorkflow(UUID workflow) {
        String sql = dialect.tryTransactionLock();
        if (sql == null) {
            return true;
        }
        long key = workflow.getMostSignificantBits() ^ workflow.getLeastSignificantBits();
        return Boolean.TRUE.equals(jdbc.sql(sql).param(key).query(Boolean.class).single());
    }

    private int countLiveLeases(UUID workflow) {
        return jdbc.sql("select count(*) from work_queue where workflow_id = ? and lease_owner is not null "
                        + "and available_at > ?")
                .params(workflow, QueueRows.time(now)).query(Integer.class).single();
    }
}
