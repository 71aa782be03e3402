package dev.automateos.server.auth;

import dev.automateos.server.auth.JdbcRefreshTokenStore.StoredToken;
import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues token pairs and rotates refresh tokens. Each refresh uses up the presented token and
 * returns a new one of the same family. A used token presented again means two parties hold it
 * (one of them a thief), so the whole family is revoked and both must log in again.
 */
@Service
class TokenService {

    private final LoginService logins;
    private final JwtService jwt;
    private final JdbcRefreshTokenStore refreshTokens;
    private final JdbcUserStore users;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration refreshTtl;

    TokenService(LoginService logins, JwtService jwt, JdbcRefreshTokenStore refreshTokens, JdbcUserStore users,
                 TransactionTemplate tx, Clock clock, AutomateOsProperties properties) {
        this.logins = logins;
        this.jwt = jwt;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
        this.refreshTtl = properties.auth().refreshTokenTtl();
    }

    TokenResponse passwordGrant(String username, String password, String clientIp) {
        User user = logins.authenticate(username, password, clientIp);
        refreshTokens.purgeExpired(user.id(), clock.instant());
        return issue(user, UUID.randomUUID());
    }

    TokenResponse refreshGrant(String presented) {
        String hash = TokenHashes.sha256(presented);
        Instant now = clock.instant();
        // Mark-used and the new token commit together; a reuse revocation commits on its own.
        Optional<TokenResponse> rotated = tx.execute(status -> {
            if (!refreshTokens.markUsed(hash, now)) {
                return Optional.<TokenResponse>empty();
            }
            StoredToken token = refreshTokens.find(hash).orElseThrow();
            User user = users.findById(token.userId()).filter(u -> u.role() != Role.API).orElseThrow(TokenService::invalidGrant);
            if (!user.enabled()) {
                throw LoginService.accountDisabled();
            }
            return Optional.of(issue(user, token.familyId()));
        });
        return rotated.orElseThrow(() -> refusal(hash, now));
    }

    private ApiException refusal(String hash, Instant now) {
        Optional<StoredToken> token = refreshTokens.find(hash);
        if (token.isPresent() && token.get().usedAt() != null && token.get().revokedAt() == null) {
            refreshTokens.revokeFamily(token.get().familyId(), now);
            return ApiException.unauthorized("invalid_grant", "This refresh token was already used, so it may have "
                    + "been stolen: every session of this log-in is revoked. Log in again.");
        }
        return invalidGrant();
    }

    /** Revokes the family of {@code presented}; an unknown or already revoked token is fine too. */
    void logout(String presented) {
        refreshTokens.find(TokenHashes.sha256(presented))
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), clock.instant()));
    }

    private TokenResponse issue(User user, UUID familyId) {
        Instant now = clock.instant();
        String refresh = TokenHashes.newSecret();
        refreshTokens.insert(user.id(), familyId, TokenHashes.sha256(refresh), now, now.plus(refreshTtl));
        JwtService.IssuedToken access = jwt.issue(user.id(), user.username(), user.role());
        String scope = String.join(" ", user.role().sessionScopes().stream().sorted().map(Scope::wireName).toList());
        return new TokenResponse(access.value(), "Bearer", Duration.between(now, access.expiresAt()).toSeconds(),
                refresh, refreshTtl.toSeconds(), scope, UserView.of(user));
    }

    static ApiException invalidGrant() {
        return ApiException.unauthorized("invalid_grant",
                "The refresh token is unknown, expired or revoked. Log in again.");
    }
}
