package dev.automateos.server.queue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.automateos.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Databases for the queue tests without a Spring context: a pool and the real migrations, so
 * the contract suite runs in seconds. Each gets a database or schema of its own, because a
 * worker in a shared Spring context would compete for the items.
 */
final class QueueDatabases {

    private QueueDatabases() {
    }

    static HikariDataSource h2() {
        String name = "queue-" + UUID.randomUUID();
        return migrated("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** A fresh schema on the test PostgreSQL server, dropped by {@link #dropPostgres}. */
    static HikariDataSource postgres(String schema) {
        try (Connection connection = TestPostgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema, e);
        }
        String url = TestPostgres.URL + (TestPostgres.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return migrated(url, TestPostgres.USER, TestPostgres.PASSWORD);
    }

    static void dropPostgres(String schema) throws SQLException {
        try (Connection connection = TestPostgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    private static HikariDataSource migrated(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    static void empty(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("delete from work_queue");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
