package dev.automateos.server.support;

import dev.automateos.server.auth.JdbcUserStore;
import dev.automateos.server.auth.JwtService;
import dev.automateos.server.auth.Role;
import dev.automateos.server.auth.User;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Base of every API test: the whole server on a random port, on an in-memory H2 database.
 * All subclasses share one Spring context (same configuration), so keep it that way: no
 * {@code @MockitoBean}, no extra properties. Subclasses annotated with {@link PostgresBackend}
 * share a second context on the real PostgreSQL.
 *
 * <p>Tests share the database, so each creates its own users with {@link #newUser(Role)}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "automateos.data-dir=target/test-data",
    // The pg profile (PostgresBackend) points automateos.test.db-url at PostgreSQL instead.
    "automateos.db.url=${automateos.test.db-url:jdbc:h2:mem:automateos-test;MODE=PostgreSQL;"
            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1}",
    "automateos.auth.login-attempts-per-minute-per-ip=100000",
})
public abstract class ApiTest {

    /** The password of every user {@link #newUser} makes. */
    public static final String PASSWORD = "correct horse battery staple";
    // Cost 4 keeps test set-up fast; production uses cost 12.
    private static final String PASSWORD_HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcUserStore users;

    @Autowired
    protected JwtService jwt;

    protected TestHttp http;

    @BeforeEach
    void connect() {
        http = new TestHttp(port);
    }

    /** A user that exists in the database, with a valid access token. */
    public record TestUser(UUID id, String username, Role role, String token) {
    }

    protected TestUser newUser(Role role) {
        String username = role.wireName() + "-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        User user = new User(UUID.randomUUID(), username, username + "@example.test", PASSWORD_HASH, role, true, 0,
                null, now, now);
        users.insert(user);
        return new TestUser(user.id(), username, role, jwt.issue(user.id(), username, role).value());
    }
}
