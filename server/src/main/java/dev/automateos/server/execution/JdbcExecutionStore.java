package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionJson;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.json.EngineJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link ExecutionStore} on the {@code executions} table; the state is {@link ExecutionJson} text. */
@Repository
class JdbcExecutionStore implements ExecutionStore {

    private static final String SUMMARY = "id, workflow_id, workflow_version, owner_id, trigger_kind, status, "
            + "rerun_of, created_at, started_at, finished_at, duration_ms, error_code, error_message";

    private static final String INSERT = "insert into executions (" + SUMMARY
            + ", idempotency_key, draft_definition, state, revision, deadline) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String SAVE = "update executions set status = ?, started_at = ?, finished_at = ?, "
            + "duration_ms = ?, error_code = ?, error_message = ?, state = ?, revision = ?, deadline = ? "
            + "where id = ? and revision = ?";

    private final JdbcClient jdbc;

    JdbcExecutionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ExecutionRecord e) {
        prepareInsert(e).run();
    }

    @Override
    public Runnable prepareInsert(ExecutionRecord e) {
        ExecutionState s = e.state();
        Object[] params = {s.id(), s.workflowId(), s.workflowVersion(), e.ownerId(), e.triggerKind(), status(s),
                s.rerunOf(), ts(s.createdAt()), ts(s.startedAt()), ts(s.finishedAt()), duration(s),
                s.error() == null ? null : s.error().code(), s.error() == null ? null : s.error().message(),
                e.idempotencyKey(),
                e.draftDefinition() == null ? null : EngineJson.mapper().writeValueAsString(e.draftDefinition()),
                ExecutionJson.write(s), e.revision(), ts(s.deadline())};
        return () -> jdbc.sql(INSERT).params(params).update();
    }

    @Override
    public boolean save(ExecutionRecord next, long expectedRevision) {
        return prepareSave(next, expectedRevision).getAsBoolean();
    }

    @Override
    public BooleanSupplier prepareSave(ExecutionRecord next, long expectedRevision) {
        ExecutionState s = next.state();
        Object[] params = {status(s), ts(s.startedAt()), ts(s.finishedAt()), duration(s),
                s.error() == null ? null : s.error().code(), s.error() == null ? null : s.error().message(),
                ExecutionJson.write(s), expectedRevision + 1, ts(s.deadline()), s.id(), expectedRevision};
        return () -> jdbc.sql(SAVE).params(params).update() == 1;
    }

    @Override
    public Optional<ExecutionRecord> find(UUID id) {
        return jdbc.sql("select owner_id, trigger_kind, idempotency_key, draft_definition, state, revision "
                        + "from executions where id = ?").param(id)
                .query((rs, row) -> new ExecutionRecord(ExecutionJson.read(rs.getString("state")),
                        rs.getObject("owner_id", UUID.class), rs.getString("trigger_kind"),
                        rs.getString("idempotency_key"), draft(rs.getString("draft_definition")),
                        rs.getLong("revision")))
                .optional();
    }

    @Override
    public List<UUID> overdue(Instant before, int limit) {
        return jdbc.sql("select id from executions where deadline < ? and status in ('queued', 'running', 'waiting') "
                        + "order by deadline limit ?").params(ts(before), limit).query(UUID.class).list();
    }

    @Override
    public Optional<ExecutionSummary> summary(UUID id) {
        return jdbc.sql("select " + SUMMARY + " from executions where id = ?").param(id)
                .query(JdbcExecutionStore::summary).optional();
    }

    @Override
    public Optional<UUID> findByIdempotencyKey(UUID workflowId, String idempotencyKey) {
        return jdbc.sql("select id from executions where workflow_id = ? and idempotency_key = ?")
                .params(workflowId, idempotencyKey).query(UUID.class).optional();
    }

    @Override
    public List<ExecutionSummary> list(ExecutionQuery q, Keyset after, int limit) {
        var sql = new StringBuilder("select " + SUMMARY + " from executions where 1 = 1");
        var params = new ArrayList<Object>();
        condition(sql, params, "owner_id = ?", q.ownerId());
        condition(sql, params, "workflow_id = ?", q.workflowId());
        condition(sql, params, "status = ?", q.status());
        condition(sql, params, "trigger_kind = ?", q.triggerKind());
        condition(sql, params, "created_at >= ?", q.from() == null ? null : ts(q.from()));
        condition(sql, params, "created_at < ?", q.to() == null ? null : ts(q.to()));
        if (after != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(ts(after.createdAt()));
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(JdbcExecutionStore::summary).list();
    }

    @Override
    public boolean delete(UUID id) {
        return jdbc.sql("delete from executions where id = ?").param(id).update() > 0;
    }

    @Override
    public List<Long> recentDurations(UUID workflowId, int limit) {
        return jdbc.sql("select duration_ms from executions where workflow_id = ? and duration_ms is not null "
                        + "order by created_at desc, id desc limit ?")
                .params(workflowId, limit).query(Long.class).list();
    }

    @Override
    public Map<String, Long> countByStatus(UUID workflowId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) as n from executions where workflow_id = ? group by status")
                .param(workflowId)
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            params.add(value);
        }
    }

    private static ExecutionSummary summary(ResultSet rs, int row) throws SQLException {
        return new ExecutionSummary(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
                rs.getInt("workflow_version"), rs.getObject("owner_id", UUID.class), rs.getString("trigger_kind"),
                rs.getString("status"), rs.getObject("rerun_of", UUID.class), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                rs.getObject("duration_ms", Long.class), rs.getString("error_code"), rs.getString("error_message"));
    }

    static String status(ExecutionState s) {
        return s.status().name().toLowerCase(Locale.ROOT);
    }

    private static Long duration(ExecutionState s) {
        return s.startedAt() == null || s.finishedAt() == null ? null
                : Duration.between(s.startedAt(), s.finishedAt()).toMillis();
    }

    private static tools.jackson.databind.JsonNode draft(String text) {
        return text == null ? null : EngineJson.mapper().readTree(text);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
