package dev.automateos.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.server.web.ApiException;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthRateLimiterTest {

    /** Time that moves only when the test says so. */
    static final class ManualTime implements TimeMeter {
        long nanos = 1_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final ManualTime time = new ManualTime();

    @Test
    void allowsTheLimitThenSaysHowLongToWait() {
        RateLimiter limiter = new RateLimiter(6, 100, time);
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.tryAcquire("alice")).isEmpty();
        }
        // Six a minute refill one every ten seconds.
        assertThat(limiter.tryAcquire("alice")).hasValue(Duration.ofSeconds(10));
        time.advance(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("alice")).isEmpty();
        assertThat(limiter.tryAcquire("alice")).isPresent();
    }

    @Test
    void keysHaveSeparateBuckets() {
        RateLimiter limiter = new RateLimiter(1, 100, time);
        assertThat(limiter.tryAcquire("alice")).isEmpty();
        assertThat(limiter.tryAcquire("alice")).isPresent();
        assertThat(limiter.tryAcquire("bob")).isEmpty();
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfKeysDroppingTheLeastRecentlyUsed() {
        RateLimiter limiter = new RateLimiter(1, 100, time);
        limiter.tryAcquire("victim");
        for (int i = 0; i < 1_000; i++) {
            limiter.tryAcquire("made-up-" + i);
            if (i % 50 == 0) {
                limiter.tryAcquire("victim");
            }
        }
        assertThat(limiter.size()).isEqualTo(100);
        // Recently used, so still tracked and still empty.
        assertThat(limiter.tryAcquire("victim")).isPresent();
    }

    @Test
    void loginLimiterCountsAccountsCaseInsensitivelyAndAddressesApart() {
        LoginRateLimiter limiter = new LoginRateLimiter(2, 3, time);
        limiter.checkAccount("Alice");
        limiter.checkAccount("alice");
        assertThatThrownBy(() -> limiter.checkAccount("ALICE"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("rate_limited"));
        limiter.checkIp("10.0.0.1");
        limiter.checkIp("10.0.0.1");
        limiter.checkIp("10.0.0.1");
        assertThatThrownBy(() -> limiter.checkIp("10.0.0.1"))
                .isInstanceOfSatisfying(LoginRefused.class, e -> {
                    assertThat(e.status().value()).isEqualTo(429);
                    assertThat(LoginRefused.seconds(e.retryAfter())).isEqualTo(20);
                });
        limiter.checkIp("10.0.0.2");
    }

    @Test
    void veryLongUsernamesShareOneBoundedKey() {
        LoginRateLimiter limiter = new LoginRateLimiter(1, 1, time);
        limiter.checkAccount("x".repeat(10_000));
        assertThatThrownBy(() -> limiter.checkAccount("x".repeat(5_000))).isInstanceOf(LoginRefused.class);
    }
}
