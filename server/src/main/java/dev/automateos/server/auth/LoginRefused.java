package dev.automateos.server.auth;

import dev.automateos.server.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/**
 * A refusal that tells the client when to try again: 429 {@code rate_limited} and 423
 * {@code account_locked}. {@link AuthProblemAdvice} adds {@code Retry-After} and, for a lock,
 * {@code locked_until} to the problem body.
 */
final class LoginRefused extends ApiException {

    private final Duration retryAfter;
    private final Instant lockedUntil;

    private LoginRefused(HttpStatus status, String code, String message, Duration retryAfter, Instant lockedUntil) {
        super(status, code, message);
        this.retryAfter = retryAfter;
        this.lockedUntil = lockedUntil;
    }

    static LoginRefused rateLimited(Duration retryAfter) {
        return new LoginRefused(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many log-in attempts; try again in "
                + seconds(retryAfter) + " seconds.", retryAfter, null);
    }

    static LoginRefused locked(Instant until, Instant now) {
        Duration left = Duration.between(now, until);
        return new LoginRefused(HttpStatus.LOCKED, "account_locked", "Too many failed log-ins: this account is "
                + "locked until " + until + " (in " + Math.max(1, (seconds(left) + 59) / 60) + " minutes).",
                left, until);
    }

    /** Whole seconds, rounded up, and at least 1: a client waiting 0 seconds would be refused again. */
    static long seconds(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    Duration retryAfter() {
        return retryAfter;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }
}
