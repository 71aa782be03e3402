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

    /**
     * The locking clause of a work-queue claim's candidate select. PostgreSQL skips rows another
     * claim has locked, so concurrent workers never wait on each other. On H2 claims are
     * serialized in the process ({@link #claimsInOneProcess()}), so a plain row lock is enough.
     */
    public String claimLocking() {
        return this == POSTGRESQL ? " for update skip locked" : " for update";
    }

    /**
     * Whether work-queue claims must be serialized inside this process. True for H2: its file
     * database is open in one process only, and it has no advisory locks to guard the
     * per-workflow concurrency limit across transactions.
     */
    public boolean claimsInOneProcess() {
        return this == H2;
    }

    /**
     * A query that tries to take a lock on a {@code bigint} key until the transaction ends and
     * answers whether it got it, without waiting; {@code null} where {@link #claimsInOneProcess()}.
     */
    public String tryTransactionLock() {
        return this == POSTGRESQL ? "select pg_try_advisory_xact_lock(?)" : null;
    }
}
