package dev.automateos.server.auth;

import static dev.automateos.server.auth.JdbcUserStore.instant;
import static dev.automateos.server.auth.JdbcUserStore.ts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens, stored only as SHA-256 hashes. Every token belongs to a family: the chain of
 * rotations that started at one log-in. A used token stays until it expires, so presenting it
 * again is recognised as reuse. Public only so that tests elsewhere can build {@link Accounts}.
 */
@Repository
public class JdbcRefreshTokenStore {

    record StoredToken(UUID id, UUID userId, UUID familyId, Instant expiresAt, Instant usedAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;

    public JdbcRefreshTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID userId, UUID familyId, String tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("insert into refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), userId, familyId, tokenHash, ts(now), ts(expiresAt)).update();
    }

    /** Marks a live token used; only one of several concurrent callers wins. */
    boolean markUsed(String tokenHash, Instant now) {
        return jdbc.sql("update refresh_tokens set used_at = ? where token_hash = ? and used_at is null "
                        + "and revoked_at is null and expires_at > ?")
                .params(ts(now), tokenHash, ts(now)).update() == 1;
    }

    Optional<StoredToken> find(String tokenHash) {
        return jdbc.sql("select id, user_id, family_id, expires_at, used_at, revoked_at from refresh_tokens "
                        + "where token_hash = ?")
                .param(tokenHash)
                .query((rs, row) -> new StoredToken(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getObject("family_id", UUID.class), instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("used_at")), instant(rs.getTimestamp("revoked_at"))))
                .optional();
    }

    void revokeFamily(UUID familyId, Instant now) {
        jdbc.sql("update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
                .params(ts(now), familyId).update();
    }

    void revokeAllOf(UUID userId, Instant now) {
        jdbc.sql("update refresh_tokens set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(ts(now), userId).update();
    }

    /** Expired rows can no longer be presented, so reuse detection does not need them. */
    void purgeExpired(UUID userId, Instant now) {
        jdbc.sql("delete from refresh_tokens where user_id = ? and expires_at < ?").params(userId, ts(now)).update();
    }
}
