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

    private static final String COLUMNS = "id, username, email, password_hash, role, enabled, failed_logins, "
            + "locked_until, created_at, updated_at";

    private final JdbcClient jdbc;

    public JdbcUserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(User user) {
        jdbc.sql("insert into users (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(user.id(), user.username(), user.email(), user.passwordHash(), user.role().wireName(),
                        user.enabled(), user.failedLogins(), ts(user.lockedUntil()), ts(user.createdAt()),
                        ts(user.updatedAt()))
                .update();
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

    static User map(ResultSet rs, int row) throws SQLException {
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
