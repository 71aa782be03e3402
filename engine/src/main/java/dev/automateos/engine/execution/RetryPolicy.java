package dev.automateos.engine.execution;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * How often and how late a node's retryable failures are tried again: exponential back-off
 * {@code initialDelay * multiplier^(n-1)}, capped at {@code maxDelay}, then jittered into
 * {@code [50 %, 100 %]} of that. Read from a node entry's optional {@code retry} object.
 *
 * @param maxAttempts total attempts, the first included; 1 means no retry
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    /** A node without a {@code retry} object runs once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);

    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final long DEFAULT_INITIAL_DELAY_MS = 1_000;
    static final double DEFAULT_MULTIPLIER = 2;
    static final long DEFAULT_MAX_DELAY_MS = 60_000;

    public RetryPolicy {
        if (maxAttempts < 1 || multiplier < 1 || initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("invalid retry policy");
        }
    }

    /** The policy of a (validated) {@code retry} object; absent or null gives {@link #NONE}. */
    static RetryPolicy of(JsonNode retry) {
        if (retry == null || retry.isNull()) {
            return NONE;
        }
        return new RetryPolicy(
                retry.path("max_attempts").asInt(DEFAULT_MAX_ATTEMPTS),
                Duration.ofMillis(retry.path("initial_delay_ms").asLong(DEFAULT_INITIAL_DELAY_MS)),
                retry.path("multiplier").asDouble(DEFAULT_MULTIPLIER),
                Duration.ofMillis(retry.path("max_delay_ms").asLong(DEFAULT_MAX_DELAY_MS)));
    }

    /** Whether a retryable failure of attempt {@code failedAttempt} gets another attempt. */
    boolean allowsAnotherAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }

    /**
     * The delay before the attempt after {@code failedAttempt}.
     *
     * @param jitter a fraction in [0, 1]; 1 gives the full back-off, 0 half of it
     */
    Duration delayAfter(int failedAttempt, double jitter) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, failedAttempt - 1);
        double capped = Math.min(base, maxDelay.toMillis());
        double fraction = Math.clamp(jitter, 0.0, 1.0);
        return Duration.ofMillis(Math.round(capped * (0.5 + 0.5 * fraction)));
    }
}
