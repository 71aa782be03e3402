package dev.automateos.server.support;

import dev.automateos.server.store.SqlDialect;
import dev.automateos.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A migrated, empty database of a test's own, for the few tests that need a state the shared
 * API-test database cannot promise (no users at all, exactly one admin). No Spring context.
 */
public final class FreshDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final String url;
    private final Runnable drop;
    private final SqlDialect dialect;

    private FreshDatabase(DriverManagerDataSource dataSource, Runnable drop) {
        this.dataSource = dataSource;
        this.url = dataSource.getUrl();
        this.drop = drop;
        this.dialect = SqlDialect.of(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    public static FreshDatabase h2() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:fresh-" + UUID.randomUUID() + ";MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        return new FreshDatabase(dataSource, () -> JdbcClient.create(dataSource).sql("drop all objects").update());
    }

    /** A new schema on the test PostgreSQL server (use with {@code @RequiresPostgres}). */
    public static FreshDatabase postgres() {
        String schema = "aos_fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create schema " + schema);
        String url = TestPostgres.URL + (TestPostgres.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new FreshDatabase(new DriverManagerDataSource(url, TestPostgres.USER, TestPostgres.PASSWORD),
                () -> execute("drop schema if exists " + schema + " cascade"));
    }

    /** Its JDBC URL, for a child process that should use this database too. */
    public String url() {
        return url;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void close() {
        drop.run();
    }

    private static void execute(String sql) {
        try (Connection connection = TestPostgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
