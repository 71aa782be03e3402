package dev.automateos.engine.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. */
public final class RetryAfter {

    /** Longer than any sane server asks; beyond it the value is treated as this, and capped later anyway. */
    private static final long MAX_SECONDS = 86_400;

    private RetryAfter() {}

    /** The wait the header asks for, zero for a date in the past, empty when absent or unreadable. */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(v), MAX_SECONDS)));
            } catch (NumberFormatException tooLong) {
                return Optional.of(Duration.ofSeconds(MAX_SECONDS));
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
