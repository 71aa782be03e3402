package dev.automateos.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server the integration tests use. The first class that needs it creates a
 * schema of its own for this JVM, dropped again on exit, so runs never see each other's tables.
 */
public final class TestPostgres implements ExecutionCondition {

    public static final String SCHEMA_PROPERTY = "automateos.test.pg-schema";
    public static final String URL = env("AUTOMATEOS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("AUTOMATEOS_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("AUTOMATEOS_TEST_PG_PASSWORD", "");

    private static volatile String schema;
    private static volatile String unavailable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = ensureSchema();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL schema " + schema);
        }
        if (CiMode.active()) {
            throw new IllegalStateException("CI=true but PostgreSQL is not usable: " + reason);
        }
        return ConditionEvaluationResult.disabled("Skipped: PostgreSQL is not reachable at " + URL + " (" + reason
                + "). Start it, or set AUTOMATEOS_TEST_PG_URL; under CI=true this is a failure.");
    }

    /** The JDBC URL of this JVM's schema; connections opened with it use that schema by default. */
    public static String schemaUrl() {
        ensureSchema();
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(URL, props);
    }

    private static synchronized String ensureSchema() {
        if (schema != null || unavailable != null) {
            return unavailable;
        }
        String name = "aos_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema " + name);
            schema = name;
            System.setProperty(SCHEMA_PROPERTY, name);
            System.setProperty("automateos.test.pg-url", schemaUrl());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(name)));
            return null;
        } catch (SQLException e) {
            unavailable = e.getMessage();
            return unavailable;
        }
    }

    private static void dropSchema(String name) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + name + " cascade");
        } catch (SQLException ignored) {
            // Best effort: a leftover schema costs only disk, and its random name never clashes.
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
