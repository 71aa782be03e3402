package dev.automateos.nodes.trigger;

import dev.automateos.engine.node.ConfigViolation;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a {@code trigger.schedule} fires: its occurrences between the start and end bounds, and what
 * to fire when the scheduler finds occurrences in the past ({@link #due}). Pure (no clock, no I/O),
 * immutable and thread-safe; built once per schedule and reused. docs/schedules.md describes the
 * rules, daylight saving time included.
 */
public final class ScheduleTimes {

    /** Past this many stale occurrences a catch-up stops counting them and jumps ahead. */
    static final int MAX_COUNTED = 10_000;
    /** At most this many on-time fires per catch-up; the rest wait for the next one. */
    static final int MAX_FIRES = 100;

    private final Recurrence recurrence;
    private final ZoneId zone;
    private final Instant startAt;
    private final Instant endAt;
    private final ScheduleTrigger.Misfire misfire;

    private ScheduleTimes(Recurrence recurrence, ZoneId zone, Instant startAt, Instant endAt,
                          ScheduleTrigger.Misfire misfire) {
        this.recurrence = recurrence;
        this.zone = zone;
        this.startAt = startAt;
        this.endAt = endAt;
        this.misfire = misfire;
    }

    /** One execution to start. {@code missed} is 0 for an on-time fire, else the occurrences a run_once fire stands for. */
    public record Fire(Instant scheduledAt, int missed) {
    }

    /**
     * What a catch-up decided.
     *
     * @param fires   executions to start, oldest first
     * @param skipped stale occurrences dropped by the {@code skip} policy
     * @param next    the first occurrence not handled yet (normally after {@code now}); empty when the
     *                schedule has ended
     */
    public record Due(List<Fire> fires, int skipped, Optional<Instant> next) {
        public Due {
            fires = List.copyOf(fires);
        }
    }

    /** The times of a config that passed {@link #problems}; throws IllegalArgumentException naming the first problem otherwise. */
    public static ScheduleTimes of(ScheduleTrigger.Config config) {
        List<ConfigViolation> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.getFirst().pointer() + ": " + problems.getFirst().message());
        }
        ZoneId zone = ZoneId.of(config.timezone());
        // Whole seconds: occurrences are stored at microsecond precision at best, and must come back equal.
        Instant start = seconds(instant(config.startAt()));
        Recurrence recurrence = config.cron() != null ? CronRecurrence.parse(config.cron(), zone)
                : new IntervalRecurrence(IntervalRecurrence.parse(config.interval()),
                        start != null ? start : LocalDate.EPOCH.atStartOfDay(zone).toInstant());
        return new ScheduleTimes(recurrence, zone, start, seconds(instant(config.endAt())), config.misfire());
    }

    /** Every problem of the config, each at a JSON Pointer relative to it; empty when it describes a schedule. */
    public static List<ConfigViolation> problems(ScheduleTrigger.Config config) {
        List<ConfigViolation> problems = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(config.timezone());
        } catch (DateTimeException e) {
            problems.add(new ConfigViolation("/timezone", "'" + config.timezone() + "' is not a time zone; use an "
                    + "IANA name such as Europe/Berlin, America/New_York or UTC."));
        }
        if (config.cron() == null && config.interval() == null) {
            problems.add(new ConfigViolation("/cron", "Set 'cron' (such as 0 9 * * 1-5 or @daily) or 'interval' "
                    + "(such as PT15M)."));
        } else if (config.cron() != null && config.interval() != null) {
            problems.add(new ConfigViolation("/interval", "Set either 'cron' or 'interval', not both."));
        } else if (config.cron() != null) {
            try {
                CronRecurrence.parse(config.cron(), zone != null ? zone : ZoneId.of("UTC"));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigViolation("/cron", "Not a valid cron expression: " + e.getMessage()));
            }
        } else {
            try {
                IntervalRecurrence.parse(config.interval());
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigViolation("/interval", e.getMessage()));
            }
        }
        Instant start = bound(config.startAt(), "/start_at", problems);
        Instant end = bound(config.endAt(), "/end_at", problems);
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add(new ConfigViolation("/end_at", "'end_at' must be after 'start_at'."));
        }
        return problems;
    }

    public ZoneId zone() {
        return zone;
    }

    public ScheduleTrigger.Misfire misfire() {
        return misfire;
    }

    /** The first occurrence strictly after {@code t} and within the start and end bounds; empty when none is left. */
    public Optional<Instant> firstAfter(Instant t) {
        Instant from = startAt != null && t.isBefore(startAt) ? startAt.minusNanos(1) : t;
        Optional<Instant> next = recurrence.after(from);
        return next.filter(n -> endAt == null || !n.isAfter(endAt));
    }

    /** Up to {@code count} occurrences strictly after {@code t}, in order. */
    public List<Instant> upcoming(Instant t, int count) {
        List<Instant> times = new ArrayList<>(count);
        Optional<Instant> next = firstAfter(t);
        while (next.isPresent() && times.size() < count) {
            times.add(next.get());
            next = firstAfter(next.get());
        }
        return times;
    }

    /**
     * What to fire at {@code now} for a schedule whose first unhandled occurrence is {@code nextFireAt}.
     * An occurrence at most {@code tolerance} old is on time, if late, and fires as itself. An older
     * one was missed (the scheduler was down, or the database was): the {@code skip} policy drops
     * those, {@code run_once} fires one execution for all of them, scheduled at the last one.
     */
    public Due due(Instant nextFireAt, Instant now, Duration tolerance) {
        List<Fire> fires = new ArrayList<>();
        int stale = 0;
        Instant lastStale = null;
        Optional<Instant> occurrence = Optional.of(nextFireAt);
        Instant staleBefore = now.minus(tolerance);
        while (occurrence.isPresent() && !occurrence.get().isAfter(now) && fires.size() < MAX_FIRES) {
            Instant at = occurrence.get();
            if (at.isBefore(staleBefore)) {
                stale++;
                lastStale = at;
                // Counting a year of per-second occurrences would take a while; what is left is skipped over.
                occurrence = stale >= MAX_COUNTED ? firstAfter(staleBefore.minusNanos(1)) : firstAfter(at);
            } else {
                fires.add(new Fire(at, 0));
                occurrence = firstAfter(at);
            }
        }
        if (stale > 0 && misfire == ScheduleTrigger.Misfire.RUN_ONCE) {
            fires.addFirst(new Fire(lastStale, stale));
        }
        return new Due(fires, misfire == ScheduleTrigger.Misfire.SKIP ? stale : 0, occurrence);
    }

    private static Instant bound(String text, String pointer, List<ConfigViolation> problems) {
        if (text == null) {
            return null;
        }
        try {
            return instant(text);
        } catch (DateTimeException e) {
            problems.add(new ConfigViolation(pointer, "'" + text + "' is not a date-time with an offset, such as "
                    + "2027-01-01T09:00:00Z or 2027-01-01T09:00:00+01:00."));
            return null;
        }
    }

    private static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant instant(String text) {
        return text == null ? null : OffsetDateTime.parse(text.strip()).toInstant();
    }
}
