package dev.automateos.server.retention;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.automateos.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** Migrated databases for the retention tests without a Spring context (the job must not see other tests' rows). */
final class RetentionDatabases {

    private RetentionDatabases() {
    }

    static HikariDataSource h2() {
        return migrated("jdbc:h2:mem:retention-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    static HikariDataSource postgres(String schema) {
        execute("create schema " + schema);
        String url = TestPostgres.URL + (TestPostgres.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return migrated(url, TestPostgres.USER, TestPostgres.PASSWORD);
    }

    static void dropPostgres(String schema) {
        execute("drop schema if exists " + schema + " cascade");
    }

    private static void execute(String sql) {
        try (Connection connection = TestPostgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static HikariDataSource migrated(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
