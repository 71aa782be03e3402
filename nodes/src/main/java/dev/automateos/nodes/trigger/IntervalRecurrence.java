package dev.automateos.nodes.trigger;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code every}, counted from {@code anchor}: occurrences are {@code anchor + n * every}. Real
 * elapsed time, so daylight-saving changes do not move it. Anchoring at a fixed instant (rather
 * than at "when it was switched on") makes every process compute the same times, and a restart
 * does not shift them.
 */
record IntervalRecurrence(Duration every, Instant anchor) implements Recurrence {

    static final Duration MIN = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofDays(366);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)");

    IntervalRecurrence {
        if (every.compareTo(MIN) < 0) {
            throw new IllegalArgumentException("every must be at least 1 second");
        }
    }

    /**
     * ISO-8601 ({@code PT30S}, {@code PT5M}, {@code P1D}) or the short forms {@code 30s}, {@code 5m},
     * {@code 2h}, {@code 1d}; between 1 second and 366 days. Throws IllegalArgumentException otherwise.
     */
    static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher matcher = SHORT.matcher(value);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                duration = switch (matcher.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } else {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not an interval: use ISO-8601 such as PT30S, PT5M "
                    + "or P1D, or 30s, 5m, 2h, 1d.");
        }
        if (duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("An interval is between 1 second and 366 days, not " + text + ".");
        }
        // Whole milliseconds, so that occurrences survive a round trip through a timestamp column.
        return duration.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public Optional<Instant> after(Instant t) {
        long everyNanos = every.toNanos();
        Duration since = Duration.between(anchor, t);
        if (since.isNegative()) {
            return Optional.of(anchor);
        }
        // Whole periods since the anchor, in seconds and nanoseconds so that centuries do not overflow.
        long periods = divide(since, everyNanos);
        return Optional.of(anchor.plus(every.multipliedBy(periods + 1)));
    }

    private static long divide(Duration since, long everyNanos) {
        BigInteger nanos = BigInteger.valueOf(since.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(since.getNano()));
        return nanos.divide(BigInteger.valueOf(everyNanos)).longValueExact();
    }
}
