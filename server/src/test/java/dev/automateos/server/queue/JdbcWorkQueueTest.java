package dev.automateos.server.queue;

import com.zaxxer.hikari.HikariDataSource;
import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.store.SqlDialect;
import dev.automateos.testkit.ManualClock;
import dev.automateos.testkit.queue.WorkQueueContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract suite on H2 (PostgreSQL mode), as the embedded database runs it. */
class JdbcWorkQueueTest extends WorkQueueContract {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = QueueDatabases.h2();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Override
    protected WorkQueue createQueue(ManualClock clock) {
        QueueDatabases.empty(dataSource);
        return new JdbcWorkQueue(dataSource, SqlDialect.of(dataSource), clock);
    }
}
