package dev.automateos.server.execution;

import dev.automateos.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL schema of its own for one queue-mode test: the child processes migrate and share
 * it, and no worker of this JVM's cached test contexts (which use the JVM's schema) can claim its
 * work. Dropped on {@link #close}.
 */
final class ClusterSchema implements AutoCloseable {

    private final String name = "aos_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    ClusterSchema() throws SQLException {
        try (Connection connection = TestPostgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema " + name);
        }
    }

    /** The JDBC URL of the schema, through {@code hostAndPort} (the real server, or a proxy in front of it). */
    String url(String hostAndPort) {
        String base = TestPostgres.URL.replaceFirst("//[^/]+/", "//" + hostAndPort + "/");
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    String url() {
        return TestPostgres.URL + (TestPostgres.URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    Connection connect() throws SQLException {
        Connection connection = TestPostgres.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + name);
        }
        return connection;
    }

    @Override
    public void close() {
        try (Connection connection = TestPostgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + name + " cascade");
        } catch (SQLException ignored) {
            // Best effort: a leftover schema costs only disk, and its random name never clashes.
        }
    }
}
