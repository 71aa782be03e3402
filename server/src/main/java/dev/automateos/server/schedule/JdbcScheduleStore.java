package dev.automateos.server.schedule;

import dev.automateos.server.store.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code schedules} table (V8__schedules.sql). Writes run in the caller's transaction: a save or
 * an activation, or a scheduler's claim.
 */
@Repository
class JdbcScheduleStore {

    private static final String ROW = "select workflow_id, owner_id, workflow_version, config, next_fire_at, generation "
            + "from schedules ";
    private static final String HEAD = "select workflow_id, generation, next_fire_at from schedules ";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    JdbcScheduleStore(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    Optional<ScheduleRow> find(UUID workflowId) {
        return jdbc.sql(ROW + "where workflow_id = ?").param(workflowId).query(JdbcScheduleStore::row).optional();
    }

    /**
     * Makes the row say this schedule, a new generation of it. The caller holds the workflow's row
     * lock, so no other save of the same workflow races this one.
     */
    void put(UUID workflowId, UUID ownerId, int version, String config, Instant nextFireAt, Instant now) {
        int updated = jdbc.sql("update schedules set owner_id = ?, workflow_version = ?, config = ?, next_fire_at = ?, "
                        + "generation = generation + 1, changed_at = ? where workflow_id = ?")
                .params(ownerId, version, config, time(nextFireAt), time(now), workflowId).update();
        if (updated == 0) {
            jdbc.sql("insert into schedules (workflow_id, owner_id, workflow_version, config, next_fire_at, generation, "
                            + "changed_at) values (?, ?, ?, ?, ?, 1, ?)")
                    .params(workflowId, ownerId, version, config, time(nextFireAt), time(now)).update();
        }
    }

    boolean delete(UUID workflowId) {
        return jdbc.sql("delete from schedules where workflow_id = ?").param(workflowId).update() > 0;
    }

    /** Every schedule still to fire, for a scheduler starting up or reconciling. */
    List<ScheduleHead> pending() {
        return jdbc.sql(HEAD + "where next_fire_at is not null").query(JdbcScheduleStore::head).list();
    }

    /** Schedules whose schedule itself changed at or after {@code since} (not those that merely fired). */
    List<ScheduleHead> changedSince(Instant since) {
        return jdbc.sql(HEAD + "where changed_at >= ?").param(time(since)).query(JdbcScheduleStore::head).list();
    }

    /** The current heads of these schedules; a schedule that is gone is simply absent. */
    List<ScheduleHead> heads(Collection<UUID> workflowIds) {
        if (workflowIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(HEAD + "where workflow_id in (" + placeholders(workflowIds.size()) + ")")
                .params(new ArrayList<Object>(workflowIds)).query(JdbcScheduleStore::head).list();
    }

    /**
     * Locks those of these schedules that are due at {@code now}, until the caller's transaction ends.
     * On PostgreSQL a row another scheduler holds is skipped, not waited for: that one fires it.
     */
    List<ScheduleRow> lockDue(Collection<UUID> workflowIds, Instant now) {
        if (workflowIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(workflowIds);
        params.add(time(now));
        return jdbc.sql(ROW + "where workflow_id in (" + placeholders(workflowIds.size()) + ") and next_fire_at <= ? "
                        + "order by workflow_id" + dialect.claimLocking())
                .params(params).query(JdbcScheduleStore::row).list();
    }

    /** Moves a locked schedule on to its next occurrence (null: it has ended). */
    void advance(UUID workflowId, Instant nextFireAt) {
        jdbc.sql("update schedules set next_fire_at = ? where workflow_id = ?")
                .params(time(nextFireAt), workflowId).update();
    }

    private static ScheduleRow row(ResultSet rs, int n) throws SQLException {
        return new ScheduleRow(rs.getObject("workflow_id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getInt("workflow_version"), rs.getString("config"), instant(rs.getTimestamp("next_fire_at")),
                rs.getLong("generation"));
    }

    private static ScheduleHead head(ResultSet rs, int n) throws SQLException {
        return new ScheduleHead(rs.getObject("workflow_id", UUID.class), rs.getLong("generation"),
                instant(rs.getTimestamp("next_fire_at")));
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
