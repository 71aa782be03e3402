package dev.automateos.server.auth;

import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password, in this order: the address's and the account's rate limits,
 * the lock-out, the password, then whether the account may sign in at all. Unknown users and
 * wrong passwords get the same answer after the same bcrypt work. Disabled accounts learn so only
 * after giving the right password, so "disabled" does not reveal that an account exists.
 */
@Service
class LoginService {

    private final JdbcUserStore users;
    private final Passwords passwords;
    private final LoginRateLimiter limiter;
    private final Clock clock;
    private final int maxFailedLogins;
    private final Duration lockout;

    LoginService(JdbcUserStore users, Passwords passwords, LoginRateLimiter limiter, Clock clock,
                 AutomateOsProperties properties) {
        this.users = users;
        this.passwords = passwords;
        this.limiter = limiter;
        this.clock = clock;
        this.maxFailedLogins = properties.auth().maxFailedLogins();
        this.lockout = properties.auth().lockoutDuration();
    }

    User authenticate(String username, String password, String clientIp) {
        limiter.checkIp(clientIp);
        limiter.checkAccount(username);
        Instant now = clock.instant();
        Optional<User> found = users.findByUsername(AccountRules.normalizeUsername(username));
        // Service accounts have no password; treat them exactly like unknown users.
        if (found.isEmpty() || found.get().role() == Role.API) {
            passwords.matches(password, null);
            throw invalidCredentials();
        }
        User user = found.get();
        if (user.lockedAt(now)) {
            throw LoginRefused.locked(user.lockedUntil(), now);
        }
        if (!passwords.matches(password, user.passwordHash())) {
            users.recordFailedLogin(user.id(), maxFailedLogins, now.plus(lockout)).ifPresent(until -> {
                throw LoginRefused.locked(until, now);
            });
            throw invalidCredentials();
        }
        if (!user.enabled()) {
            throw accountDisabled();
        }
        users.clearFailedLogins(user.id());
        return user;
    }

    static ApiException invalidCredentials() {
        return ApiException.unauthorized("invalid_credentials", "The username or password is wrong.");
    }

    static ApiException accountDisabled() {
        return new ApiException(HttpStatus.FORBIDDEN, "account_disabled",
                "This account is disabled; ask an administrator to enable it.");
    }
}
