package dev.automateos.server.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users in the {@code users} table. Usernames are stored lower-cased. */
@Repository
public class JdbcUserStore {

    public static final String COLUMNS = "id, username, email, password_hash, role, enabled, failed_logins, "
            + "locked_until, created_at, updated_at";

    private final JdbcClient jdbc;

    public JdbcUserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a user; a taken username raises Spring's {@code DuplicateKeyException}. */
    public void insert(User user) {
        jdbc.sql("insert into users (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(user.id(), user.username(), user.email(), user.passwordHash(), user.role().wireName(),
                        user.enabled(), user.failedLogins(), ts(user.lockedUntil()), ts(user.createdAt()),
                        ts(user.updatedAt()))
                .update();
    }

    /** Writes every changeable column of {@code user}; returns whether the row still existed. */
    public boolean update(User user) {
        return jdbc.sql("""
                        update users set email = ?, password_hash = ?, role = ?, enabled = ?, failed_logins = ?,
                          locked_until = ?, updated_at = ? where id = ?""")
                .params(user.email(), user.passwordHash(), user.role().wireName(), user.enabled(),
                        user.failedLogins(), ts(user.lockedUntil()), ts(user.updatedAt()), user.id())
                .update() == 1;
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from users where id = ?").param(id).update() == 1;
    }

    public Optional<User> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = ?").param(id).query(JdbcUserStore::map)
                .optional();
    }

    public Optional<User> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from users where username = ?").param(username.toLowerCase())
                .query(JdbcUserStore::map).optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    public boolean anyExists() {
        return jdbc.sql("select id from users fetch first 1 rows only").query(UUID.class).optional().isPresent();
    }

    /**
     * Counts one failed log-in in a single statement, so concurrent failures all count. The one
     * that reaches {@code max} locks the account until {@code lockUntil} and starts the count
     * again, so after the lock-out the owner has {@code max} fresh attempts.
     *
     * @return the lock's end when this failure locked the account
     */
    Optional<Instant> recordFailedLogin(UUID id, int max, Instant lockUntil) {
        // Both databases keep milliseconds at least, so the value read back compares equal.
        Instant until = lockUntil.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        jdbc.sql("""
                        update users set
                          locked_until = case when failed_logins + 1 >= ? then ? else locked_until end,
                          failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end
                        where id = ?""")
                .params(max, ts(until), max, id).update();
        return jdbc.sql("select locked_until from users where id = ?").param(id)
                .query((rs, row) -> instant(rs.getTimestamp(1))).optional()
                .filter(until::equals);
    }

    /** Forgets earlier failures after a successful log-in; writes only when there is something to forget. */
    void clearFailedLogins(UUID id) {
        jdbc.sql("update users set failed_logins = 0, locked_until = null "
                + "where id = ? and (failed_logins <> 0 or locked_until is not null)").param(id).update();
    }

    public static User map(ResultSet rs, int row) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
                rs.getString("password_hash"), Role.fromWire(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getInt("failed_logins"), instant(rs.getTimestamp("locked_until")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
