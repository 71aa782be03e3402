package dev.automateos.nodes.trigger;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A cron expression in a time zone. cron-utils only ever sees local wall-clock time (as if the zone
 * were UTC, where no clock jumps); which instant a local time means, and so every daylight-saving
 * decision, is made here, one stretch of constant UTC offset at a time:
 * <ul>
 *   <li>a local time the clock skips (spring forward) fires once, at the instant the gap ends (a
 *       02:30 job fires at 03:00 new time); several skipped times collapse into that one fire;</li>
 *   <li>a local time the clock repeats (fall back) fires once, at its first occurrence, unless the
 *       hour field is {@code *}: such a job runs every hour, so it also runs through the repeated
 *       hour, as Vixie cron does.</li>
 * </ul>
 */
final class CronRecurrence implements Recurrence {

    /** The macros, as the 5-field expressions they stand for. */
    static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser WITH_SECONDS =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));
    // A zone changes its offset a few times a year; this bounds the walk for expressions that match
    // once in years (29 February) with room to spare.
    private static final int MAX_STRETCHES = 64;

    private final ExecutionTime times;
    private final ZoneRules rules;
    private final boolean everyHour;

    private CronRecurrence(Cron cron, ZoneId zone) {
        this.times = ExecutionTime.forCron(cron);
        this.rules = zone.getRules();
        this.everyHour = cron.retrieve(CronFieldName.HOUR).getExpression() instanceof Always;
    }

    /**
     * Parses 5 fields (minute hour day-of-month month day-of-week), 6 fields (seconds first) or a
     * macro. Throws IllegalArgumentException with cron-utils' message when it does not parse.
     */
    static CronRecurrence parse(String expression, ZoneId zone) {
        String text = expression.strip().replaceAll("\\s+", " ");
        String macro = MACROS.get(text.toLowerCase(Locale.ROOT));
        if (macro == null && text.startsWith("@")) {
            throw new IllegalArgumentException("Unknown macro '" + text + "'; use one of @hourly, @daily, @weekly, "
                    + "@monthly or @yearly.");
        }
        if (text.contains("|")) {
            throw new IllegalArgumentException("'|' is not cron syntax; use one schedule per trigger.");
        }
        String fields = macro != null ? macro : text;
        int count = fields.isEmpty() ? 0 : fields.split(" ").length;
        CronParser parser = switch (count) {
            case 5 -> UNIX;
            case 6 -> WITH_SECONDS;
            default -> throw new IllegalArgumentException("A cron expression has 5 fields (minute hour day-of-month "
                    + "month day-of-week) or 6 with seconds first; this one has " + count + ".");
        };
        return new CronRecurrence(parser.parse(fields).validate(), zone);
    }

    @Override
    public Optional<Instant> after(Instant t) {
        Instant cursor = t;
        boolean inclusive = false;
        for (int stretch = 0; stretch < MAX_STRETCHES; stretch++) {
            ZoneOffset offset = rules.getOffset(cursor);
            ZoneOffsetTransition next = rules.nextTransition(cursor);
            LocalDateTime from = LocalDateTime.ofInstant(cursor, offset);
            if (inclusive) {
                from = from.minusNanos(1);
            }
            from = skipRepeatedHour(cursor, from);
            Optional<LocalDateTime> match = localAfter(from);
            if (match.isEmpty()) {
                return Optional.empty();
            }
            Instant candidate = match.get().toInstant(offset);
            if (next == null || candidate.isBefore(next.getInstant())) {
                return Optional.of(candidate);
            }
            if (next.isGap() && match.get().isBefore(next.getDateTimeAfter())) {
                return Optional.of(next.getInstant());
            }
            // The match lies beyond this stretch: look again from the start of the next one.
            cursor = next.getInstant();
            inclusive = true;
        }
        return Optional.empty();
    }

    /**
     * In the second pass of a repeated hour, a job that does not run every hour waits for the local
     * time after the repetition: it already ran in the first pass.
     */
    private LocalDateTime skipRepeatedHour(Instant cursor, LocalDateTime from) {
        if (everyHour) {
            return from;
        }
        ZoneOffsetTransition previous = rules.previousTransition(cursor.plusNanos(1));
        if (previous != null && previous.isOverlap() && from.isBefore(previous.getDateTimeBefore())) {
            return previous.getDateTimeBefore().minusNanos(1);
        }
        return from;
    }

    /**
     * The first match strictly after {@code from}. Matches fall on whole seconds, so that is the first
     * match after {@code from} cut to its second; cron-utils would otherwise carry the fraction over.
     */
    private Optional<LocalDateTime> localAfter(LocalDateTime from) {
        return times.nextExecution(from.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC))
                .map(z -> z.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS));
    }
}
