package dev.automateos.server.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks API keys up by their SHA-256 hash. A key carries 256 random bits, so a fast hash is as
 * safe as bcrypt here and keeps each authenticated request cheap.
 */
@Component
class JdbcApiKeyAuthenticator implements ApiKeyAuthenticator {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcApiKeyAuthenticator(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String hash(String key) {
        return TokenHashes.sha256(key);
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String presentedKey) {
        var now = clock.instant();
        Optional<AuthenticatedUser> user = jdbc.sql("""
                        select k.id as key_id, k.scopes, u.id, u.username, u.role
                        from api_keys k join users u on u.id = k.user_id
                        where k.key_hash = ? and k.revoked_at is null and u.enabled = true
                          and (k.expires_at is null or k.expires_at > ?)""")
                .params(hash(presentedKey), Timestamp.from(now))
                .query((rs, row) -> {
                    Role role = Role.fromWire(rs.getString("role"));
                    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
                    for (String s : rs.getString("scopes").split(",")) {
                        if (!s.isBlank()) {
                            scopes.add(Scope.fromWire(s.trim()));
                        }
                    }
                    // A key never holds more than its owner's role allows.
                    scopes.retainAll(role.sessionScopes());
                    return new AuthenticatedUser(rs.getObject("id", UUID.class), rs.getString("username"), role,
                            scopes, rs.getObject("key_id", UUID.class));
                })
                .optional();
        // Minute resolution is enough for "last used", and spares a write on every request.
        user.ifPresent(u -> jdbc.sql("update api_keys set last_used_at = ? where id = ? "
                        + "and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(now), u.apiKeyId(), Timestamp.from(now.minusSeconds(60))).update());
        return user;
    }
}
