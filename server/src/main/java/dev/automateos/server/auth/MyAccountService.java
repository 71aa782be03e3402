package dev.automateos.server.auth;

import dev.automateos.server.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What a signed-in user does to their own account: look at it and change the password. */
@Service
class MyAccountService {

    /** {@code GET /api/v1/auth/me}: the account, plus how the caller signed in and with which scopes. */
    record MeView(UUID id, String username, String email, Role role, boolean enabled, Instant createdAt,
                  List<String> scopes, String auth) {
    }

    private final JdbcUserStore users;
    private final Accounts accounts;
    private final Passwords passwords;
    private final LoginRateLimiter limiter;
    private final Clock clock;

    MyAccountService(JdbcUserStore users, Accounts accounts, Passwords passwords, LoginRateLimiter limiter,
                     Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.passwords = passwords;
        this.limiter = limiter;
        this.clock = clock;
    }

    MeView me(AuthenticatedUser me) {
        User user = current(me);
        return new MeView(user.id(), user.username(), user.email(), user.role(), user.enabled(), user.createdAt(),
                me.scopeNames(), me.apiKeyId() == null ? "session" : "api_key");
    }

    /**
     * Needs a session, not an API key: a leaked key must not be enough to take the account over.
     * Guesses at the current password count against the account's log-in rate limit.
     */
    void changePassword(AuthenticatedUser me, String currentPassword, String newPassword) {
        if (me.apiKeyId() != null) {
            throw ApiException.forbidden("session_required", "Change the password while logged in, not with an API key.");
        }
        AuthRequests.require("/current_password", currentPassword, "/new_password", newPassword);
        User user = current(me);
        limiter.checkAccount(user.username());
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw ApiException.invalidField("/current_password", "incorrect", "The current password is wrong.");
        }
        String hash = accounts.hashNewPassword("/new_password", newPassword, user.username());
        users.update(user.withPasswordHash(hash, clock.instant()));
        accounts.revokeSessions(user.id());
    }

    private User current(AuthenticatedUser me) {
        // A valid token whose account was deleted since it was issued.
        return users.findById(me.id()).orElseThrow(() -> ApiException.unauthorized("invalid_token",
                "The account of this token no longer exists."));
    }
}
