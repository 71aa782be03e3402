package dev.automateos.server.queue;

import com.zaxxer.hikari.HikariDataSource;
import dev.automateos.engine.queue.Lane;
import dev.automateos.engine.queue.WorkItem;
import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.store.SqlDialect;
import dev.automateos.testkit.ManualClock;
import dev.automateos.testkit.queue.WorkQueueContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void releasingAllLeasesAtStartUpMakesLeasedItemsReadyAtOnceAndLeavesDelayedOnesAlone() {
        WorkItem leased = item(Lane.HIGH);
        WorkItem delayed = item(Lane.HIGH, leased.workflowId(), 0, START.plusSeconds(600));
        queue.enqueue(leased);
        queue.enqueue(delayed);
        assertThat(queue.claim("gone", 10, LEASE)).hasSize(1);

        assertThat(((JdbcWorkQueue) queue).releaseAllLeases()).isEqualTo(1);

        var reclaimed = queue.claim("restarted", 10, LEASE);
        assertThat(ids(reclaimed)).containsExactly(leased.id());
        assertThat(reclaimed.getFirst().deliveries()).isEqualTo(2);
        assertThat(queue.ack("gone", leased.id())).isFalse();
    }
}
