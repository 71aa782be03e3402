package dev.automateos.server.execution;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Pages through the executions that are not finished (queued, running, waiting), in id order. */
@Component
class UnfinishedExecutions {

    /** One unfinished execution as the reconciler sees it. */
    record Unfinished(UUID id, long revision) {
    }

    private final JdbcClient jdbc;

    UnfinishedExecutions(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Up to {@code limit} unfinished executions with an id above {@code after} (null: from the start). */
    List<Unfinished> after(UUID after, int limit) {
        String keyset = after == null ? "" : " and id > ?";
        var statement = jdbc.sql("select id, revision from executions where status in ('queued', 'running', 'waiting')"
                + keyset + " order by id fetch first " + limit + " rows only");
        if (after != null) {
            statement = statement.param(after);
        }
        return statement.query((rs, n) -> new Unfinished(rs.getObject(1, UUID.class), rs.getLong(2))).list();
    }
}
