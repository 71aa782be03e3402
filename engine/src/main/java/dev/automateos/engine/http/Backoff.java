package dev.automateos.engine.http;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Delays between attempts: exponential backoff with full jitter (a uniform delay between zero and
 * {@code min(maxDelay, initialDelay * 2^(retry-1))}, which spreads clients out best after an outage),
 * or the server's {@code Retry-After} when it sent one, never more than {@code maxDelay}.
 *
 * <p>Pure: the random source is injected and nothing sleeps, so the node's in-process retries and a
 * durable engine retry (which schedules the next attempt instead of sleeping) can share it. Immutable;
 * thread-safe when the random source is.
 */
public record Backoff(Duration initialDelay, Duration maxDelay) {

    public Backoff {
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("delays cannot be negative");
        }
    }

    /**
     * The delay before retry number {@code retry} (1 for the second attempt).
     *
     * @param retryAfter what the server asked for, if anything; it replaces the jittered delay
     */
    public Duration delay(int retry, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1");
        }
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
            return asked.compareTo(maxDelay) > 0 ? maxDelay : asked;
        }
        long ceiling = ceilingMillis(retry);
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }

    /** {@code min(maxDelay, initialDelay * 2^(retry-1))} in milliseconds, without overflowing. */
    long ceilingMillis(int retry) {
        long max = maxDelay.toMillis();
        long delay = initialDelay.toMillis();
        for (int i = 1; i < retry && delay < max; i++) {
            delay = delay > max / 2 ? max : delay * 2;
        }
        return Math.min(delay, max);
    }
}
