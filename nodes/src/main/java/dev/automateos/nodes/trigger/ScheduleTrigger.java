package dev.automateos.nodes.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.node.ConfigViolation;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code trigger.schedule@1}: starts a workflow on a cron schedule or at a fixed interval, in a time
 * zone, between optional start and end times. The scheduler role fires it (exactly once per
 * occurrence, however many schedulers run) and hands it the occurrence as the trigger payload
 * ({@link #payload}); this node passes that on as {@code $trigger}. Run by hand, it reports the
 * current time as the occurrence.
 */
public final class ScheduleTrigger implements NodeType<ScheduleTrigger.Config, ScheduleTrigger.Result> {

    private static final NodeSpec SPEC = NodeSpec.trigger("trigger.schedule", 1, "Schedule",
            "Starts the workflow on a cron schedule or at a fixed interval, in a time zone.");

    /**
     * @param cron     5 fields ({@code 0 9 * * 1-5}), 6 with seconds first, or a macro such as {@code @daily}
     * @param interval a fixed interval instead of {@code cron}: ISO-8601 ({@code PT15M}) or {@code 15m}
     * @param timezone the IANA zone that cron fields (and the output's local time) are read in
     * @param startAt  no occurrence before this instant; an interval counts from it
     * @param endAt    no occurrence after this instant
     * @param misfire  what to do with occurrences missed while no scheduler could fire them
     */
    public record Config(
            @Ui(description = "Cron: 5 fields (minute hour day-of-month month day-of-week), 6 with seconds first, "
                    + "or @hourly, @daily, @weekly, @monthly, @yearly. Leave empty when using 'interval'.",
                    placeholder = "0 9 * * 1-5")
            @Size(min = 1, max = 200) String cron,
            @Ui(description = "A fixed interval instead of cron: PT30S, PT15M, P1D, or 30s, 15m, 2h, 1d "
                    + "(at least 1 second). Leave empty when using 'cron'.", placeholder = "PT15M")
            @Size(min = 1, max = 50) String interval,
            @Ui(description = "IANA time zone the cron expression is read in; default UTC.",
                    placeholder = "Europe/Berlin")
            @Size(min = 1, max = 64) String timezone,
            @Ui(description = "Optional: no run before this date-time (with offset). An interval counts from it.",
                    placeholder = "2027-01-01T09:00:00+01:00")
            @Size(min = 1, max = 64) String startAt,
            @Ui(description = "Optional: no run after this date-time (with offset).",
                    placeholder = "2027-12-31T18:00:00+01:00")
            @Size(min = 1, max = 64) String endAt,
            @Ui(description = "Runs missed while no scheduler was up: 'skip' them (default), or 'run_once' for all "
                    + "of them together.")
            Misfire misfire) {

        public Config {
            timezone = timezone == null ? "UTC" : timezone;
            misfire = misfire == null ? Misfire.SKIP : misfire;
        }
    }

    public enum Misfire {
        @JsonProperty("skip") SKIP,
        @JsonProperty("run_once") RUN_ONCE;

        public String wireName() {
            return this == SKIP ? "skip" : "run_once";
        }
    }

    /**
     * What {@code $trigger} holds.
     *
     * @param scheduledAt the occurrence this run stands for (the last one, after a run_once misfire)
     * @param firedAt     when the scheduler started the run
     * @param timezone    the trigger's time zone
     * @param localTime   {@code scheduledAt} on the wall clock of {@code timezone}
     * @param missed      after downtime: how many occurrences this one run stands for (run_once only)
     * @param misfire     "run_once" when this run stands for missed occurrences
     */
    public record Result(String scheduledAt, String firedAt, String timezone, String localTime,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer missed,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String misfire) {}

    @Override
    public NodeSpec spec() {
        return SPEC;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public List<ConfigViolation> checkConfig(Config config) {
        return ScheduleTimes.problems(config);
    }

    @Override
    public Result execute(Config config, NodeContext context) {
        JsonNode input = context.input();
        String now = context.clock().instant().toString();
        String scheduledAt = input.path("scheduled_at").asString(now);
        String timezone = input.path("timezone").asString(config.timezone());
        String localTime = input.path("local_time").asString(null);
        if (localTime == null) {
            localTime = localTime(Instant.parse(scheduledAt), ZoneId.of(timezone));
        }
        JsonNode missed = input.path("missed");
        return new Result(scheduledAt, input.path("fired_at").asString(now), timezone, localTime,
                missed.isNumber() ? missed.asInt() : null, input.path("misfire").asString(null));
    }

    /** The trigger payload the scheduler stores with the execution it starts for {@code fire}. */
    public static ObjectNode payload(ScheduleTimes.Fire fire, Instant firedAt, ZoneId zone) {
        ObjectNode payload = EngineJson.mapper().createObjectNode();
        payload.put("scheduled_at", fire.scheduledAt().toString());
        payload.put("fired_at", firedAt.toString());
        payload.put("timezone", zone.getId());
        payload.put("local_time", localTime(fire.scheduledAt(), zone));
        if (fire.missed() > 0) {
            payload.put("missed", fire.missed());
            payload.put("misfire", Misfire.RUN_ONCE.wireName());
        }
        return payload;
    }

    /** The wall-clock time, without offset: what a person in that zone reads on a clock. */
    public static String localTime(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).toString();
    }
}
