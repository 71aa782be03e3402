package dev.automateos.server.queue;

import com.zaxxer.hikari.HikariDataSource;
import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.store.SqlDialect;
import dev.automateos.testkit.RequiresPostgres;
import dev.automateos.testkit.ManualClock;
import dev.automateos.testkit.queue.WorkQueueContract;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract suite on the real PostgreSQL, in a schema of its own ({@code FOR UPDATE SKIP LOCKED}). */
@RequiresPostgres
class JdbcWorkQueuePostgresIT extends WorkQueueContract {

    private static final String SCHEMA = "aos_queue_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static HikariDataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = QueueDatabases.postgres(SCHEMA);
    }

    @AfterAll
    static void drop() throws SQLException {
        dataSource.close();
        QueueDatabases.dropPostgres(SCHEMA);
    }

    @Override
    protected WorkQueue createQueue(ManualClock clock) {
        QueueDatabases.empty(dataSource);
        return new JdbcWorkQueue(dataSource, SqlDialect.of(dataSource), clock);
    }
}
