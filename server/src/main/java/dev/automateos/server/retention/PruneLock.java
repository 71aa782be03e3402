package dev.automateos.server.retention;

import com.zaxxer.hikari.HikariDataSource;
import dev.automateos.server.store.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Makes sure only one process prunes at a time, without waiting. On PostgreSQL it is a
 * session-level advisory lock held on a connection of its own for the whole run (batches commit
 * on other connections); if the process dies, the session and the lock end with it. H2's file
 * database is open in one process only, so there an in-process lock is enough.
 */
final class PruneLock {

    /** The advisory-lock key of pruning: "AutoRetn" in ASCII. */
    static final long KEY = 0x4175746f5265746eL;

    /** A held lock; closing it lets the next run in. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final ReentrantLock local = new ReentrantLock();

    PruneLock(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** The lock if nobody (in any process) holds it, otherwise empty at once. */
    Optional<Held> tryAcquire() throws SQLException {
        if (!local.tryLock()) {
            return Optional.empty();
        }
        if (dialect != SqlDialect.POSTGRESQL) {
            return Optional.of(local::unlock);
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (!advisory(connection, "select pg_try_advisory_lock(?)")) {
                connection.close();
                local.unlock();
                return Optional.empty();
            }
            Connection held = connection;
            return Optional.of(() -> release(held));
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                connection.close();
            }
            local.unlock();
            throw e;
        }
    }

    private void release(Connection connection) {
        try (connection) {
            if (!advisory(connection, "select pg_advisory_unlock(?)")) {
                evict(connection);
            }
        } catch (SQLException e) {
            evict(connection);
        } finally {
            local.unlock();
        }
    }

    /** A pool does not reset advisory locks: a session that may still hold one must end, not go back. */
    private void evict(Connection connection) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            }
        } catch (SQLException ignored) {
            // nothing more to do; the lock ends with the session at the latest
        }
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
