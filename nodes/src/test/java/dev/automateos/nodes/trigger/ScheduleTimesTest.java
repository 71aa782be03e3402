package dev.automateos.nodes.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.node.ConfigViolation;
import dev.automateos.nodes.trigger.ScheduleTimes.Fire;
import dev.automateos.nodes.trigger.ScheduleTrigger.Misfire;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The time rules of trigger.schedule (docs/schedules.md), daylight saving time included. */
class ScheduleTimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ScheduleTimes cron(String cron, String zone) {
        return ScheduleTimes.of(new ScheduleTrigger.Config(cron, null, zone, null, null, null));
    }

    private static ScheduleTimes interval(String interval, String startAt) {
        return ScheduleTimes.of(new ScheduleTrigger.Config(null, interval, null, startAt, null, null));
    }

    private static List<Instant> next(ScheduleTimes times, String after, int count) {
        return times.upcoming(Instant.parse(after), count);
    }

    private static List<Instant> instants(String... texts) {
        return java.util.Arrays.stream(texts).map(Instant::parse).toList();
    }

    private static List<String> local(List<Instant> times, ZoneId zone) {
        return times.stream().map(t -> LocalDateTime.ofInstant(t, zone).toString()).toList();
    }

    @Nested
    class Cron {

        @Test
        void fiveFieldsAreReadOnTheTriggersWallClock() {
            // Friday 4 December 2026, 10:00 in Berlin (09:00Z): the next weekday mornings are Monday and Tuesday.
            List<Instant> times = next(cron("0 9 * * 1-5", "Europe/Berlin"), "2026-12-04T09:00:00Z", 3);

            assertThat(local(times, BERLIN)).containsExactly("2026-12-07T09:00", "2026-12-08T09:00", "2026-12-09T09:00");
            assertThat(times.getFirst()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        }

        @Test
        void sixFieldsHaveSecondsFirst() {
            assertThat(next(cron("*/20 * * * * *", "UTC"), "2026-12-04T09:00:05Z", 4)).isEqualTo(instants(
                    "2026-12-04T09:00:20Z", "2026-12-04T09:00:40Z", "2026-12-04T09:01:00Z", "2026-12-04T09:01:20Z"));
        }

        @Test
        void occurrencesFallOnWholeSecondsWhateverTheFractionAskedFrom() {
            assertThat(next(cron("* * * * * *", "UTC"), "2026-12-04T09:00:05.920842Z", 2))
                    .isEqualTo(instants("2026-12-04T09:00:06Z", "2026-12-04T09:00:07Z"));
            assertThat(next(cron("*/5 * * * *", "Europe/Berlin"), "2026-12-04T09:04:59.999999999Z", 1))
                    .isEqualTo(instants("2026-12-04T09:05:00Z"));
        }

        @Test
        void macrosStandForTheUsualExpressions() {
            String after = "2026-12-04T09:30:00Z"; // a Friday
            assertThat(next(cron("@hourly", "UTC"), after, 1)).isEqualTo(instants("2026-12-04T10:00:00Z"));
            assertThat(next(cron("@daily", "UTC"), after, 1)).isEqualTo(instants("2026-12-05T00:00:00Z"));
            assertThat(next(cron("@weekly", "UTC"), after, 1)).isEqualTo(instants("2026-12-06T00:00:00Z"));
            assertThat(next(cron("@monthly", "UTC"), after, 1)).isEqualTo(instants("2027-01-01T00:00:00Z"));
            assertThat(next(cron("@yearly", "UTC"), after, 1)).isEqualTo(instants("2027-01-01T00:00:00Z"));
            assertThat(next(cron("@DAILY", "Europe/Berlin"), after, 1)).isEqualTo(instants("2026-12-04T23:00:00Z"));
        }

        @Test
        void sundayIsZeroOrSeven() {
            String after = "2026-12-04T09:30:00Z";
            assertThat(next(cron("0 12 * * 7", "UTC"), after, 1)).isEqualTo(next(cron("0 12 * * 0", "UTC"), after, 1))
                    .isEqualTo(instants("2026-12-06T12:00:00Z"));
        }

        @Test
        @Timeout(10)
        void anExpressionThatNeverMatchesAgainHasNoNextTime() {
            assertThat(next(cron("0 0 30 2 *", "UTC"), "2026-01-01T00:00:00Z", 1)).isEmpty();
        }
    }

    @Nested
    class DaylightSavingTime {

        // Berlin, 2026: clocks go from 02:00 CET to 03:00 CEST on 29 March (01:00Z), and from 03:00 CEST
        // back to 02:00 CET on 25 October (01:00Z).

        @Test
        void aDailyTimeTheClockSkipsFiresOnceWhenTheGapEnds() {
            List<Instant> times = next(cron("30 2 * * *", "Europe/Berlin"), "2026-03-28T12:00:00Z", 3);

            assertThat(times).isEqualTo(instants("2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z", "2026-03-31T00:30:00Z"));
            assertThat(local(times, BERLIN)).containsExactly("2026-03-29T03:00", "2026-03-30T02:30", "2026-03-31T02:30");
        }

        @Test
        void severalSkippedTimesCollapseIntoOneFire() {
            assertThat(next(cron("*/15 2 * * *", "Europe/Berlin"), "2026-03-28T23:00:00Z", 2))
                    .isEqualTo(instants("2026-03-29T01:00:00Z", "2026-03-30T00:00:00Z"));
        }

        @Test
        void anHourlyJobFiresAtTheEndOfTheGapForTheSkippedHour() {
            assertThat(next(cron("30 * * * *", "Europe/Berlin"), "2026-03-29T00:00:00Z", 3))
                    .isEqualTo(instants("2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z"));
        }

        @Test
        void aTimeAtTheEndOfTheGapFiresOnceThere() {
            assertThat(next(cron("0 3 * * *", "Europe/Berlin"), "2026-03-28T12:00:00Z", 2))
                    .isEqualTo(instants("2026-03-29T01:00:00Z", "2026-03-30T01:00:00Z"));
        }

        @Test
        void aDailyTimeTheClockRepeatsFiresOnceAtItsFirstOccurrence() {
            List<Instant> times = next(cron("30 2 * * *", "Europe/Berlin"), "2026-10-24T12:00:00Z", 3);

            assertThat(times).isEqualTo(instants("2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z", "2026-10-27T01:30:00Z"));
        }

        @Test
        void aRepeatedTimeDoesNotFireAgainWhenAskedFromInsideTheRepetition() {
            // 02:45 CET, the second pass of the repeated hour: 02:30 already ran at 02:30 CEST.
            assertThat(next(cron("30 2 * * *", "Europe/Berlin"), "2026-10-25T01:45:00Z", 1))
                    .isEqualTo(instants("2026-10-26T01:30:00Z"));
        }

        @Test
        void anHourlyJobRunsThroughTheRepeatedHourOncePerRealHour() {
            assertThat(next(cron("0 * * * *", "Europe/Berlin"), "2026-10-24T23:30:00Z", 4)).isEqualTo(instants(
                    "2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z", "2026-10-25T02:00:00Z", "2026-10-25T03:00:00Z"));
        }

        @Test
        void aFrequentJobKeepsItsPaceThroughBothChanges() {
            List<Instant> fall = next(cron("*/15 * * * *", "Europe/Berlin"), "2026-10-25T00:40:00Z", 6);
            assertThat(fall).isEqualTo(instants("2026-10-25T00:45:00Z", "2026-10-25T01:00:00Z", "2026-10-25T01:15:00Z",
                    "2026-10-25T01:30:00Z", "2026-10-25T01:45:00Z", "2026-10-25T02:00:00Z"));

            List<Instant> spring = next(cron("*/15 * * * *", "Europe/Berlin"), "2026-03-29T00:40:00Z", 3);
            assertThat(spring).isEqualTo(instants("2026-03-29T00:45:00Z", "2026-03-29T01:00:00Z",
                    "2026-03-29T01:15:00Z"));
        }

        @Test
        void secondsFieldsCrossTheGapWithoutFiringTwice() {
            List<Instant> times = next(cron("0 30 2 * * *", "Europe/Berlin"), "2026-03-28T12:00:00Z", 2);
            assertThat(times).isEqualTo(instants("2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z"));
        }

        @Test
        void intervalsCountRealTimeAcrossTheChange() {
            ScheduleTimes hourly = ScheduleTimes.of(new ScheduleTrigger.Config(null, "PT1H", "Europe/Berlin", null,
                    null, null));
            assertThat(next(hourly, "2026-10-25T00:30:00Z", 3))
                    .isEqualTo(instants("2026-10-25T01:00:00Z", "2026-10-25T02:00:00Z", "2026-10-25T03:00:00Z"));
        }
    }

    @Nested
    class Intervals {

        @Test
        void countFromLocalMidnightOfTheFirstOfJanuary1970() {
            assertThat(next(interval("PT30S", null), "2026-12-04T09:00:10Z", 2))
                    .isEqualTo(instants("2026-12-04T09:00:30Z", "2026-12-04T09:01:00Z"));
            ScheduleTimes berlin = ScheduleTimes.of(new ScheduleTrigger.Config(null, "P1D", "Europe/Berlin", null,
                    null, null));
            // Berlin was at +01:00 on 1 January 1970: a day counts from 23:00Z.
            assertThat(next(berlin, "2026-12-04T09:00:00Z", 1)).isEqualTo(instants("2026-12-04T23:00:00Z"));
        }

        @Test
        void countFromTheStartWhenThereIsOne() {
            assertThat(next(interval("PT1M", "2026-12-04T10:00:07Z"), "2026-12-04T09:00:00Z", 3)).isEqualTo(instants(
                    "2026-12-04T10:00:07Z", "2026-12-04T10:01:07Z", "2026-12-04T10:02:07Z"));
            assertThat(next(interval("PT1M", "2026-12-04T10:00:07Z"), "2026-12-04T10:00:07Z", 1))
                    .isEqualTo(instants("2026-12-04T10:01:07Z"));
        }

        @Test
        void acceptShortForms() {
            assertThat(next(interval("15m", null), "2026-12-04T09:01:00Z", 1)).isEqualTo(instants("2026-12-04T09:15:00Z"));
            assertThat(next(interval("2h", null), "2026-12-04T09:01:00Z", 1)).isEqualTo(instants("2026-12-04T10:00:00Z"));
            assertThat(next(interval("1d", null), "2026-12-04T09:01:00Z", 1)).isEqualTo(instants("2026-12-05T00:00:00Z"));
            assertThat(next(interval("10s", null), "2026-12-04T09:01:01Z", 1)).isEqualTo(instants("2026-12-04T09:01:10Z"));
        }
    }

    @Nested
    class Bounds {

        @Test
        void nothingFiresBeforeTheStartOrAfterTheEnd() {
            ScheduleTimes times = ScheduleTimes.of(new ScheduleTrigger.Config("*/10 * * * *", null, "UTC",
                    "2026-12-04T10:05:00+01:00", "2026-12-04T09:30:00Z", null));

            assertThat(next(times, "2026-12-04T00:00:00Z", 10)).isEqualTo(instants(
                    "2026-12-04T09:10:00Z", "2026-12-04T09:20:00Z", "2026-12-04T09:30:00Z"));
        }

        @Test
        void anOccurrenceExactlyAtTheStartCounts() {
            ScheduleTimes times = ScheduleTimes.of(new ScheduleTrigger.Config("0 * * * *", null, "UTC",
                    "2026-12-04T10:00:00Z", null, null));
            assertThat(next(times, "2026-12-04T08:00:00Z", 1)).isEqualTo(instants("2026-12-04T10:00:00Z"));
        }
    }

    @Nested
    class Misfires {

        private final Duration tolerance = Duration.ofSeconds(5);

        private ScheduleTimes everyMinute(Misfire misfire) {
            return ScheduleTimes.of(new ScheduleTrigger.Config(null, "PT1M", "UTC", null, null, misfire));
        }

        @Test
        void lateOccurrencesWithinTheToleranceFireEachAsThemselves() {
            ScheduleTimes everySecond = ScheduleTimes.of(new ScheduleTrigger.Config("* * * * * *", null, null, null,
                    null, null));
            var due = everySecond.due(Instant.parse("2026-12-04T10:00:00Z"), Instant.parse("2026-12-04T10:00:02.300Z"),
                    tolerance);

            assertThat(due.fires()).containsExactly(new Fire(Instant.parse("2026-12-04T10:00:00Z"), 0),
                    new Fire(Instant.parse("2026-12-04T10:00:01Z"), 0), new Fire(Instant.parse("2026-12-04T10:00:02Z"), 0));
            assertThat(due.skipped()).isZero();
            assertThat(due.next()).contains(Instant.parse("2026-12-04T10:00:03Z"));
        }

        @Test
        void skipDropsMissedOccurrencesAndMovesToTheNextFutureOne() {
            var due = everyMinute(Misfire.SKIP).due(Instant.parse("2026-12-04T09:50:00Z"),
                    Instant.parse("2026-12-04T10:00:30Z"), tolerance);

            assertThat(due.fires()).isEmpty();
            assertThat(due.skipped()).isEqualTo(11); // 09:50 to 10:00
            assertThat(due.next()).contains(Instant.parse("2026-12-04T10:01:00Z"));
        }

        @Test
        void runOnceFiresOneExecutionForAllMissedOccurrences() {
            var due = everyMinute(Misfire.RUN_ONCE).due(Instant.parse("2026-12-04T09:50:00Z"),
                    Instant.parse("2026-12-04T10:00:30Z"), tolerance);

            assertThat(due.fires()).containsExactly(new Fire(Instant.parse("2026-12-04T10:00:00Z"), 11));
            assertThat(due.skipped()).isZero();
            assertThat(due.next()).contains(Instant.parse("2026-12-04T10:01:00Z"));
        }

        @Test
        void runOnceStillFiresTheOnTimeOccurrenceOnItsOwn() {
            var due = everyMinute(Misfire.RUN_ONCE).due(Instant.parse("2026-12-04T09:58:00Z"),
                    Instant.parse("2026-12-04T10:00:02Z"), tolerance);

            assertThat(due.fires()).containsExactly(new Fire(Instant.parse("2026-12-04T09:59:00Z"), 2),
                    new Fire(Instant.parse("2026-12-04T10:00:00Z"), 0));
        }

        @Test
        void aLongOutageIsCountedUpToALimitWithoutEnumeratingItAll() {
            ScheduleTimes everySecond = ScheduleTimes.of(new ScheduleTrigger.Config(null, "PT1S", null, null, null,
                    Misfire.RUN_ONCE));
            var due = everySecond.due(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-12-04T10:00:00Z"),
                    tolerance);

            assertThat(due.fires().getFirst().missed()).isEqualTo(ScheduleTimes.MAX_COUNTED);
            assertThat(due.fires()).hasSize(1 + 6); // 09:59:55 to 10:00:00 are on time
            assertThat(due.next()).contains(Instant.parse("2026-12-04T10:00:01Z"));
        }

        @Test
        void anEndedScheduleHasNoNextTime() {
            ScheduleTimes times = ScheduleTimes.of(new ScheduleTrigger.Config(null, "PT1M", null, null,
                    "2026-12-04T10:00:00Z", null));
            var due = times.due(Instant.parse("2026-12-04T10:00:00Z"), Instant.parse("2026-12-04T10:00:01Z"), tolerance);

            assertThat(due.fires()).containsExactly(new Fire(Instant.parse("2026-12-04T10:00:00Z"), 0));
            assertThat(due.next()).isEmpty();
        }
    }

    @Nested
    class Problems {

        private List<ConfigViolation> problems(String cron, String interval, String zone, String start, String end) {
            return ScheduleTimes.problems(new ScheduleTrigger.Config(cron, interval, zone, start, end, null));
        }

        @Test
        void aBadCronExpressionIsReportedAtCronWithCronUtilsReason() {
            List<ConfigViolation> found = problems("61 * * * *", null, null, null, null);
            assertThat(found).singleElement().satisfies(v -> {
                assertThat(v.pointer()).isEqualTo("/cron");
                assertThat(v.message()).startsWith("Not a valid cron expression: ").contains("61");
            });
            assertThat(problems("* * *", null, null, null, null)).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("5 fields", "3"));
            assertThat(problems("@fortnightly", null, null, null, null)).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("@daily"));
        }

        @Test
        void exactlyOneOfCronAndIntervalIsSet() {
            assertThat(problems(null, null, null, null, null)).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/cron"));
            assertThat(problems("@daily", "PT1M", null, null, null)).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/interval"));
        }

        @Test
        void anIntervalIsAtLeastOneSecond() {
            assertThat(problems(null, "PT0.5S", null, null, null)).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/interval"));
            assertThat(problems(null, "every day", null, null, null)).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("PT30S"));
        }

        @Test
        void anUnknownZoneIsReportedAtTimezone() {
            assertThat(problems("@daily", null, "Europe/Atlantis", null, null)).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/timezone"));
        }

        @Test
        void theEndComesAfterTheStartAndBothHaveAnOffset() {
            assertThat(problems("@daily", null, null, "2027-01-02T00:00:00Z", "2027-01-01T00:00:00Z")).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/end_at"));
            assertThat(problems("@daily", null, null, "2027-01-02T00:00:00", null)).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/start_at"));
        }

        @Test
        void ofRefusesAnInvalidConfig() {
            assertThatThrownBy(() -> ScheduleTimes.of(new ScheduleTrigger.Config("nope", null, null, null, null, null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("/cron: ");
        }
    }
}
