package dev.automateos.nodes.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.node.ConfigViolation;
import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleTriggerTest {

    private final ScheduleTrigger trigger = new ScheduleTrigger();

    @Test
    void passesTheOccurrenceTheSchedulerFiredOn() {
        var payload = ScheduleTrigger.payload(new ScheduleTimes.Fire(Instant.parse("2026-12-07T08:00:00Z"), 0),
                Instant.parse("2026-12-07T08:00:00.012Z"), ZoneId.of("Europe/Berlin"));

        var result = trigger.execute(config("{\"cron\": \"0 9 * * 1-5\", \"timezone\": \"Europe/Berlin\"}"),
                FakeNodeContext.withInput(payload.toString()));

        assertThat(NodeTestSupport.toJson(result).toString()).isEqualTo("{\"scheduled_at\":\"2026-12-07T08:00:00Z\","
                + "\"fired_at\":\"2026-12-07T08:00:00.012Z\",\"timezone\":\"Europe/Berlin\","
                + "\"local_time\":\"2026-12-07T09:00\"}");
    }

    @Test
    void recordsARunOnceMisfireAndHowManyOccurrencesItStandsFor() {
        var payload = ScheduleTrigger.payload(new ScheduleTimes.Fire(Instant.parse("2026-12-08T08:00:00Z"), 3),
                Instant.parse("2026-12-09T07:00:00Z"), ZoneId.of("UTC"));

        assertThat(payload.path("missed").asInt()).isEqualTo(3);
        assertThat(payload.path("misfire").asString()).isEqualTo("run_once");
        var result = trigger.execute(config("{\"interval\": \"PT1H\", \"misfire\": \"run_once\"}"),
                FakeNodeContext.withInput(payload.toString()));
        assertThat(result.missed()).isEqualTo(3);
        assertThat(result.misfire()).isEqualTo("run_once");
    }

    @Test
    void runByHandItReportsNowInItsZone() {
        var result = trigger.execute(config("{\"cron\": \"@daily\", \"timezone\": \"Asia/Kolkata\"}"),
                FakeNodeContext.withInput(null));

        assertThat(result.scheduledAt()).isEqualTo(FakeNodeContext.NOW.toString());
        assertThat(result.firedAt()).isEqualTo(FakeNodeContext.NOW.toString());
        assertThat(result.timezone()).isEqualTo("Asia/Kolkata");
        assertThat(result.localTime()).isEqualTo("2026-03-01T15:45:30");
        assertThat(result.missed()).isNull();
    }

    @Test
    void defaultsToUtcAndSkippingMisfires() {
        var config = config("{\"cron\": \"@hourly\"}");
        assertThat(config.timezone()).isEqualTo("UTC");
        assertThat(config.misfire()).isEqualTo(ScheduleTrigger.Misfire.SKIP);
    }

    @Test
    void checksTheRulesTheSchemaCannotSay() {
        assertThat(trigger.checkConfig(config("{\"cron\": \"0 25 * * *\"}"))).extracting(ConfigViolation::pointer)
                .containsExactly("/cron");
        assertThat(trigger.checkConfig(config("{\"interval\": \"PT5M\", \"timezone\": \"Mars/Olympus\"}")))
                .extracting(ConfigViolation::pointer).containsExactly("/timezone");
        assertThat(trigger.checkConfig(config("{\"interval\": \"PT5M\"}"))).isEmpty();
    }

    private static ScheduleTrigger.Config config(String json) {
        return NodeTestSupport.config(ScheduleTrigger.Config.class, json);
    }
}
