package dev.automateos.server.workflow;

import dev.automateos.engine.workflow.WorkflowFormat;
import dev.automateos.server.store.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link WorkflowStore} on the {@code workflows}, {@code workflow_tags} and {@code workflow_versions} tables. */
@Repository
class JdbcWorkflowStore implements WorkflowStore {

    private static final String COLUMNS = "id, owner_id, name, description, tags, trigger_type, active, "
            + "current_version, created_at, updated_at";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    JdbcWorkflowStore(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public List<WorkflowSummary> list(WorkflowQuery query, Keyset after, int limit) {
        var sql = new StringBuilder("select " + COLUMNS + " from workflows where 1 = 1");
        var params = new ArrayList<Object>();
        if (query.ownerId() != null) {
            sql.append(" and owner_id = ?");
            params.add(query.ownerId());
        }
        if (query.name() != null) {
            sql.append(" and ").append(dialect.containsIgnoreCase("name"));
            params.add(SqlDialect.containsPattern(query.name()));
        }
        if (query.active() != null) {
            sql.append(" and active = ?");
            params.add(query.active());
        }
        if (query.tag() != null) {
            sql.append(" and id in (select workflow_id from workflow_tags where tag = ?)");
            params.add(query.tag());
        }
        if (after != null) {
            sql.append(" and (updated_at, id) < (?, ?)");
            params.add(ts(after.updatedAt()));
            params.add(after.id());
        }
        sql.append(" order by updated_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(JdbcWorkflowStore::summary).list();
    }

    @Override
    public Optional<WorkflowSummary> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from workflows where id = ?").param(id)
                .query(JdbcWorkflowStore::summary).optional();
    }

    @Override
    public Optional<WorkflowSummary> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from workflows where id = ? for update").param(id)
                .query(JdbcWorkflowStore::summary).optional();
    }

    @Override
    public WorkflowSummary create(UUID id, UUID ownerId, WorkflowDocument doc, Stamp stamp) {
        jdbc.sql("insert into workflows (" + COLUMNS + ", name_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, ownerId, doc.name(), doc.description(), JSON.writeValueAsString(doc.tags()),
                        doc.triggerType(), false, 1, ts(stamp.at()), ts(stamp.at()), nameKey(doc.name()))
                .update();
        insertTags(id, doc.tags());
        insertVersion(id, 1, doc, stamp);
        return new WorkflowSummary(id, doc.name(), doc.description(), doc.tags(), false, doc.triggerType(), 1,
                ownerId, stamp.at(), stamp.at());
    }

    @Override
    public WorkflowSummary append(WorkflowSummary current, WorkflowDocument doc, Stamp stamp) {
        int next = current.version() + 1;
        jdbc.sql("update workflows set name = ?, name_key = ?, description = ?, tags = ?, trigger_type = ?, "
                        + "current_version = ?, updated_at = ? where id = ?")
                .params(doc.name(), nameKey(doc.name()), doc.description(), JSON.writeValueAsString(doc.tags()),
                        doc.triggerType(), next, ts(stamp.at()), current.id())
                .update();
        jdbc.sql("delete from workflow_tags where workflow_id = ?").param(current.id()).update();
        insertTags(current.id(), doc.tags());
        insertVersion(current.id(), next, doc, stamp);
        return new WorkflowSummary(current.id(), doc.name(), doc.description(), doc.tags(), current.active(),
                doc.triggerType(), next, current.ownerId(), current.createdAt(), stamp.at());
    }

    @Override
    public WorkflowSummary setActive(WorkflowSummary current, boolean active, Instant at) {
        jdbc.sql("update workflows set active = ?, updated_at = ? where id = ?")
                .params(active, ts(at), current.id()).update();
        return new WorkflowSummary(current.id(), current.name(), current.description(), current.tags(), active,
                current.triggerType(), current.version(), current.ownerId(), current.createdAt(), at);
    }

    @Override
    public boolean delete(UUID id) {
        // Children first: does not rely on the database honouring "on delete cascade" the same way.
        jdbc.sql("delete from workflow_versions where workflow_id = ?").param(id).update();
        jdbc.sql("delete from workflow_tags where workflow_id = ?").param(id).update();
        return jdbc.sql("delete from workflows where id = ?").param(id).update() > 0;
    }

    @Override
    public List<WorkflowVersion> versions(UUID workflowId, Integer before, int limit) {
        String older = before == null ? "" : " and version < ?";
        var params = new ArrayList<Object>(List.of(workflowId));
        if (before != null) {
            params.add(before);
        }
        params.add(limit);
        return jdbc.sql("select version, created_at, created_by, message from workflow_versions "
                        + "where workflow_id = ?" + older + " order by version desc limit ?")
                .params(params)
                .query((rs, row) -> new WorkflowVersion(rs.getInt("version"), instant(rs.getTimestamp("created_at")),
                        rs.getObject("created_by", UUID.class), rs.getString("message")))
                .list();
    }

    @Override
    public Optional<WorkflowVersionDetail> version(UUID workflowId, int version) {
        return jdbc.sql("select version, created_at, created_by, message, definition from workflow_versions "
                        + "where workflow_id = ? and version = ?")
                .params(workflowId, version)
                .query((rs, row) -> new WorkflowVersionDetail(rs.getInt("version"),
                        instant(rs.getTimestamp("created_at")), rs.getObject("created_by", UUID.class),
                        rs.getString("message"), WorkflowFormat.parseJson(rs.getString("definition"))))
                .optional();
    }

    private void insertTags(UUID workflowId, List<String> tags) {
        for (String tag : tags) {
            jdbc.sql("insert into workflow_tags (workflow_id, tag) values (?, ?)").params(workflowId, tag).update();
        }
    }

    private void insertVersion(UUID workflowId, int version, WorkflowDocument doc, Stamp stamp) {
        jdbc.sql("insert into workflow_versions (workflow_id, version, definition, message, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(workflowId, version, WorkflowFormat.toJson(doc.definition()), stamp.message(), stamp.by(),
                        ts(stamp.at()))
                .update();
    }

    private static WorkflowSummary summary(ResultSet rs, int row) throws SQLException {
        return new WorkflowSummary(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("description"), JSON.readValue(rs.getString("tags"), STRINGS), rs.getBoolean("active"),
                rs.getString("trigger_type"), rs.getInt("current_version"), rs.getObject("owner_id", UUID.class),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
