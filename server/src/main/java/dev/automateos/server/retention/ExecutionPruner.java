package dev.automateos.server.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes finished executions from the {@code executions} table in small batches. Each batch is
 * one statement outside any transaction of the caller, so it commits on its own and holds its row
 * locks only briefly; the runtime keeps working in between. Only rows whose status is terminal
 * are ever touched, whatever their age.
 */
final class ExecutionPruner {

    /** Terminal statuses; queued, running and waiting executions are never pruned. */
    static final String FINISHED = "status in ('succeeded', 'failed', 'cancelled')";

    private final JdbcClient jdbc;
    private final int batchSize;
    private final BooleanSupplier keepGoing;

    /** {@code keepGoing} is asked before every batch; false stops (the process is shutting down). */
    ExecutionPruner(JdbcClient jdbc, int batchSize, BooleanSupplier keepGoing) {
        this.jdbc = jdbc;
        this.batchSize = batchSize;
        this.keepGoing = keepGoing;
    }

    /**
     * Deletes executions that finished before {@code cutoff}. The {@code created_at} bound adds
     * nothing to the meaning (a run is created before it finishes) but lets the
     * (status, created_at) index narrow the scan.
     */
    int olderThan(Instant cutoff) {
        Object at = time(cutoff);
        return inBatches("select id from executions where " + FINISHED
                + " and created_at < ? and finished_at < ? order by created_at, id fetch first ? rows only", at, at);
    }

    /** Keeps the newest {@code keep} finished executions (by creation) of every workflow, deletes the rest. */
    int beyondPerWorkflow(int keep) {
        List<UUID> crowded = jdbc.sql("select workflow_id from executions where " + FINISHED
                        + " group by workflow_id having count(*) > ?")
                .param(keep).query(UUID.class).list();
        int deleted = 0;
        for (UUID workflow : crowded) {
            if (!keepGoing.getAsBoolean()) {
                break;
            }
            deleted += beyond(workflow, keep);
        }
        return deleted;
    }

    private int beyond(UUID workflow, int keep) {
        // The oldest execution to keep; everything finished before it in (created_at, id) order goes.
        var oldestKept = jdbc.sql("select created_at, id from executions where workflow_id = ? and " + FINISHED
                        + " order by created_at desc, id desc offset ? rows fetch first 1 rows only")
                .params(workflow, keep - 1)
                .query((rs, n) -> new Object[] {rs.getObject(1, OffsetDateTime.class), rs.getObject(2, UUID.class)})
                .optional();
        if (oldestKept.isEmpty()) {
            return 0;
        }
        Object[] bound = oldestKept.get();
        return inBatches("select id from executions where workflow_id = ? and " + FINISHED
                + " and (created_at, id) < (?, ?) order by created_at, id fetch first ? rows only",
                workflow, bound[0], bound[1]);
    }

    /**
     * Selects a batch of ids with {@code select} (whose last parameter is the batch size) and
     * deletes them, until a batch comes back short. Two statements rather than a delete with a
     * limited subquery, whose row count H2 does not keep exact. The delete checks the status
     * again, so a row is only ever deleted while finished.
     */
    private int inBatches(String select, Object... params) {
        Object[] all = Arrays.copyOf(params, params.length + 1);
        all[params.length] = batchSize;
        int total = 0;
        List<UUID> batch;
        do {
            if (!keepGoing.getAsBoolean()) {
                break; // stopping: the next run carries on
            }
            batch = jdbc.sql(select).params(all).query(UUID.class).list();
            if (!batch.isEmpty()) {
                total += jdbc.sql("delete from executions where " + FINISHED + " and id in ("
                        + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")").params(batch).update();
            }
        } while (batch.size() == batchSize);
        return total;
    }

    /** A bind value neither driver shifts by the JVM's zone (both keep microseconds). */
    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
