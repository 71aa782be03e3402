package dev.automateos.server.dashboard;

import dev.automateos.server.auth.AuthenticatedUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Aggregates over the executions table, read-only. Each query is one statement that the
 * executions indexes serve ({@code (owner_id, created_at)}, {@code (workflow_id, created_at)},
 * {@code (status, created_at)}); visibility is the same rule as the executions list: one's own,
 * or everyone's for roles that see all.
 */
@Component
class DashboardQueries {

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DashboardSummary summary(AuthenticatedUser me, Instant since) {
        boolean all = me.role().seesAll();
        String owner = all ? "" : " and owner_id = :owner";
        var recent = jdbc.sql("select count(*) as runs,"
                        + " coalesce(sum(case when status = 'succeeded' then 1 else 0 end), 0) as succeeded,"
                        + " coalesce(sum(case when status = 'failed' then 1 else 0 end), 0) as failures"
                        + " from executions where created_at >= :since" + owner)
                .param("since", Timestamp.from(since)).param("owner", me.id())
                .query((rs, n) -> new long[] {rs.getLong("runs"), rs.getLong("succeeded"), rs.getLong("failures")})
                .single();
        Map<String, Long> open = new HashMap<>();
        jdbc.sql("select status, count(*) as n from executions where status in ('queued', 'running', 'waiting')"
                        + owner + " group by status")
                .param("owner", me.id())
                .query((ResultSet rs) -> {
                    open.put(rs.getString("status"), rs.getLong("n"));
                });
        return new DashboardSummary(since, recent[0], recent[1], recent[2],
                open.getOrDefault("queued", 0L) + open.getOrDefault("running", 0L), open.getOrDefault("waiting", 0L));
    }

    List<WorkflowActivity> activity(AuthenticatedUser me, List<UUID> workflowIds, int recentRuns) {
        if (workflowIds.isEmpty()) {
            return List.of();
        }
        boolean all = me.role().seesAll();
        String owner = all ? "" : " and w.owner_id = :owner";
        Map<UUID, long[]> counts = new LinkedHashMap<>();
        jdbc.sql("select w.id as workflow_id, count(e.id) as runs,"
                        + " coalesce(sum(case when e.status = 'succeeded' then 1 else 0 end), 0) as succeeded,"
                        + " coalesce(sum(case when e.status = 'failed' then 1 else 0 end), 0) as failures"
                        + " from workflows w left join executions e on e.workflow_id = w.id"
                        + " where w.id in (:ids)" + owner + " group by w.id")
                .param("ids", workflowIds).param("owner", me.id())
                .query((ResultSet rs) -> {
                    counts.put(rs.getObject("workflow_id", UUID.class),
                            new long[] {rs.getLong("runs"), rs.getLong("succeeded"), rs.getLong("failures")});
                });
        Map<UUID, List<Run>> latest = new HashMap<>();
        if (!counts.isEmpty()) {
            jdbc.sql("select workflow_id, id, status, created_at, duration_ms from ("
                            + " select e.workflow_id, e.id, e.status, e.created_at, e.duration_ms, row_number() over"
                            + " (partition by e.workflow_id order by e.created_at desc, e.id desc) as place"
                            + " from executions e where e.workflow_id in (:ids)) ranked"
                            + " where place <= :recent order by workflow_id, place")
                    .param("ids", List.copyOf(counts.keySet())).param("recent", recentRuns)
                    .query((ResultSet rs) -> {
                        latest.computeIfAbsent(rs.getObject("workflow_id", UUID.class), k -> new ArrayList<>())
                                .add(run(rs));
                    });
        }
        List<WorkflowActivity> items = new ArrayList<>();
        for (UUID id : workflowIds) {
            long[] c = counts.get(id);
            if (c == null) {
                continue; // not visible to the caller, or no such workflow
            }
            List<Run> runs = latest.getOrDefault(id, List.of());
            long finished = c[1] + c[2];
            Run last = runs.isEmpty() ? null : runs.getFirst();
            List<WorkflowActivity.RecentRun> recent = new ArrayList<>();
            for (int i = runs.size() - 1; i >= 0; i--) {
                recent.add(new WorkflowActivity.RecentRun(runs.get(i).id, runs.get(i).status, runs.get(i).durationMs));
            }
            items.add(new WorkflowActivity(id, c[0], c[1], c[2], finished == 0 ? null : (double) c[1] / finished,
                    last == null ? null : new WorkflowActivity.LastRun(last.id, last.status, last.createdAt, last.durationMs),
                    recent));
        }
        return items;
    }

    private record Run(UUID id, String status, Instant createdAt, Long durationMs) {
    }

    private static Run run(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String status = rs.getString("status");
        Instant createdAt = rs.getTimestamp("created_at").toInstant();
        long duration = rs.getLong("duration_ms");
        return new Run(id, status, createdAt, rs.wasNull() ? null : duration);
    }
}
