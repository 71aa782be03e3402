package dev.automateos.nodes.wait;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.automateos.engine.expression.Template;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code core.wait@1}: pauses its branch for a duration or until a time, then passes its input on.
 * The wait is durable: the engine records the step as waiting and schedules a timer, so a waiting
 * execution holds no thread and no memory and survives restarts. Set exactly one of
 * {@code duration} and {@code until}; a time in the past continues at once.
 */
public final class WaitNode implements NodeType<WaitNode.Config, WaitNode.Result> {

    /** The longest wait; longer ones are more likely mistakes than plans. */
    static final Duration MAX_WAIT = Duration.ofDays(366);
    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");

    private static final NodeSpec SPEC = NodeSpec.action("core.wait", 1, "Wait",
            "Pauses the branch for a duration or until a time, then passes the input on.", "core");

    /**
     * @param duration how long to wait: seconds ({@code 90}) or ISO-8601 ({@code PT15M}, {@code P1D})
     * @param until    when to continue: an ISO-8601 date-time with offset ({@code 2026-03-01T09:00:00Z})
     */
    public record Config(
            @Ui(description = "How long to wait: seconds (90) or ISO-8601 (PT15M, P1D). Leave empty when using 'until'.",
                    placeholder = "PT15M")
            Template<String> duration,
            @Ui(description = "When to continue: a date-time with offset, e.g. 2026-03-01T09:00:00Z or "
                    + "{{ $input.remind_at }}. Leave empty when using 'duration'.")
            Template<String> until) {}

    /**
     * @param resumeAt when the branch continues
     * @param data     the input, passed on unchanged (this is the node's stored output)
     */
    public record Result(@JsonIgnore Instant resumeAt, @JsonValue JsonNode data) {}

    @Override
    public NodeSpec spec() {
        return SPEC;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Result execute(Config config, NodeContext context) {
        if ((config.duration() == null) == (config.until() == null)) {
            throw new IllegalArgumentException("Set exactly one of 'duration' and 'until'.");
        }
        Instant now = context.clock().instant();
        Instant resumeAt = config.duration() != null
                ? now.plus(duration(context.render(config.duration())))
                : until(context.render(config.until()), now);
        return new Result(resumeAt, context.input());
    }

    @Override
    public Optional<Instant> suspendUntil(Result result) {
        return Optional.of(result.resumeAt());
    }

    private static Duration duration(String text) {
        String value = text == null ? "" : text.strip();
        Duration duration;
        try {
            duration = SECONDS.matcher(value).matches()
                    ? Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000))
                    : Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'duration' must be seconds (90) or ISO-8601 (PT15M), not '" + value + "'.");
        }
        if (duration.isNegative() || duration.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("'duration' must be between 0 and 366 days, not " + value + ".");
        }
        return duration;
    }

    private static Instant until(String text, Instant now) {
        String value = text == null ? "" : text.strip();
        Instant until;
        try {
            until = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'until' must be an ISO-8601 date-time with an offset, such as "
                    + "2026-03-01T09:00:00Z, not '" + value + "'.");
        }
        if (until.isAfter(now.plus(MAX_WAIT))) {
            throw new IllegalArgumentException("'until' is more than 366 days away: " + value + ".");
        }
        return until;
    }
}
