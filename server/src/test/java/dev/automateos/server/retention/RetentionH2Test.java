package dev.automateos.server.retention;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The retention suite on the embedded H2 (PostgreSQL mode), as the standalone server runs it. */
class RetentionH2Test extends RetentionContract {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = RetentionDatabases.h2();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
