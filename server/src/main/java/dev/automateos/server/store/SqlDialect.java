package dev.automateos.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The few SQL differences between H2 and PostgreSQL. Everything else is portable SQL, and one
 * set of Flyway migrations serves both. Add a method here rather than branching in a store.
 */
public enum SqlDialect {
    H2, POSTGRESQL;

    public static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.toLowerCase().contains("postgres")) {
                return POSTGRESQL;
            }
            if (product.toLowerCase().contains("h2")) {
                return H2;
            }
            throw new IllegalStateException("Unsupported database " + product + "; use H2 or PostgreSQL 15+.");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot inspect the database", e);
        }
    }

    /** A case-insensitive "contains" condition on {@code column} for a bound, already lower-cased pattern. */
    public String containsIgnoreCase(String column) {
        return this == POSTGRESQL ? column + " ilike ? escape '\\'" : "lower(" + column + ") like ? escape '\\'";
    }

    /** Escapes LIKE wildcards in user input and wraps it as a contains pattern. */
    public static String containsPattern(String text) {
        String escaped = text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
