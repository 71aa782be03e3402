package dev.automateos.server.auth;

import dev.automateos.server.config.AutomateOsProperties;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Limits password attempts per account and per client address. The client address is the TCP
 * peer ({@code getRemoteAddr()}); {@code X-Forwarded-For} is not trusted, since anyone can send
 * it. The buckets live in this process: with N servers a client gets up to N times the limit,
 * and the per-account lock-out (kept in the database) is what bounds guessing across servers.
 */
@Component
class LoginRateLimiter {

    /** Enough for every active account and address of a busy instance, small enough to ignore (~10 MB). */
    static final int MAX_KEYS = 20_000;

    private final RateLimiter perAccount;
    private final RateLimiter perIp;

    @Autowired
    LoginRateLimiter(AutomateOsProperties properties) {
        this(properties.auth().loginAttemptsPerMinutePerAccount(), properties.auth().loginAttemptsPerMinutePerIp(),
                TimeMeter.SYSTEM_NANOTIME);
    }

    LoginRateLimiter(int perAccountPerMinute, int perIpPerMinute, TimeMeter time) {
        this.perAccount = new RateLimiter(perAccountPerMinute, MAX_KEYS, time);
        this.perIp = new RateLimiter(perIpPerMinute, MAX_KEYS, time);
    }

    /** Counts an attempt from {@code clientIp}; throws 429 when the address is over its limit. */
    void checkIp(String clientIp) {
        perIp.tryAcquire(clientIp).ifPresent(wait -> {
            throw LoginRefused.rateLimited(wait);
        });
    }

    /** Counts an attempt on {@code username}, known or not, so the answer does not reveal which exist. */
    void checkAccount(String username) {
        String key = AccountRules.normalizeUsername(username);
        // No real username is longer; cutting keeps an attacker's 1 MB usernames out of memory.
        key = key.length() > 64 ? key.substring(0, 64) : key;
        perAccount.tryAcquire(key).ifPresent(wait -> {
            throw LoginRefused.rateLimited(wait);
        });
    }
}
