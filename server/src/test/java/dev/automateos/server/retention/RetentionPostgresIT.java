package dev.automateos.server.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.automateos.server.store.SqlDialect;
import dev.automateos.testkit.RequiresPostgres;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The retention suite on PostgreSQL, plus the one thing only it has: several processes. A second
 * pool on the same schema stands for another process.
 */
@RequiresPostgres
class RetentionPostgresIT extends RetentionContract {

    private static final String SCHEMA = "aos_retention_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static HikariDataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = RetentionDatabases.postgres(SCHEMA);
    }

    @AfterAll
    static void drop() {
        dataSource.close();
        RetentionDatabases.dropPostgres(SCHEMA);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Test
    void aProcessSkipsTheRunWhileAnotherProcessIsPruning() throws Exception {
        UUID workflow = UUID.randomUUID();
        UUID old = insert(workflow, "succeeded", NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(60)));
        RetentionJob job = job(Duration.ofDays(30), 1000);

        try (HikariDataSource otherProcess = otherProcess()) {
            var held = new PruneLock(otherProcess, SqlDialect.POSTGRESQL).tryAcquire();
            assertThat(held).isPresent();
            try (var ignored = held.get()) {
                assertThat(job.runOnce()).isEqualTo(new RetentionJob.Run(0, 0, true));
                assertThat(ids()).containsExactly(old);
            }
        }

        assertThat(job.runOnce()).isEqualTo(new RetentionJob.Run(1, 0, false));
        assertThat(ids()).isEmpty();
    }

    @Test
    void anotherProcessCanPruneOnceARunHasEnded() throws Exception {
        job(Duration.ofDays(30), 1000).runOnce();

        try (HikariDataSource otherProcess = otherProcess()) {
            var lock = new PruneLock(otherProcess, SqlDialect.POSTGRESQL).tryAcquire();

            assertThat(lock).isPresent();
            lock.get().close();
        }
    }

    private static HikariDataSource otherProcess() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dataSource.getJdbcUrl());
        config.setUsername(dataSource.getUsername());
        config.setPassword(dataSource.getPassword());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
