package dev.automateos.server.execution;

import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and checks the query parameters of the execution endpoints; bad ones answer 400 naming the parameter. */
final class ExecutionFilters {

    static final Set<String> STATUSES = Set.of("queued", "running", "waiting", "succeeded", "failed", "cancelled");
    static final Set<String> TRIGGERS = Set.of("manual", "webhook", "schedule");
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m)?");

    private ExecutionFilters() {
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(name, "invalid_value", name + " must be a UUID.");
        }
    }

    static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ApiException.invalidField(name, "invalid_value",
                    name + " must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
        return value;
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "invalid_value",
                    name + " must be an ISO-8601 time with a zone, e.g. 2026-03-01T10:00:00Z.");
        }
    }

    /** {@code 30s}, {@code 1500ms}, {@code 2m} or plain seconds; 1 ms to 5 minutes. */
    static Duration waitTimeout(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_WAIT;
        }
        Matcher m = DURATION.matcher(value.trim());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            Duration d = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
            if (!d.isZero() && d.compareTo(MAX_WAIT) <= 0) {
                return d;
            }
        }
        throw ApiException.invalidField("timeout", "invalid_value",
                "timeout must be like 30s, 1500ms or 2m, and at most 5 minutes.");
    }

    static ExecutionStore.Keyset cursor(PageRequest page) {
        if (page.first()) {
            return null;
        }
        try {
            return new ExecutionStore.Keyset(Instant.parse(page.after().get(0)), UUID.fromString(page.after().get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ApiException.invalidField("cursor", "invalid_cursor",
                    "The cursor is not valid; use the next_cursor value of the previous page as it is.");
        }
    }

    static String encode(ExecutionSummary last) {
        return PageRequest.encode(last.createdAt().toString(), last.id().toString());
    }
}
