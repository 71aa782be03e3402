package dev.automateos.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A scheduler's memory: wakes in time order, and news from an older read never wins. */
class DueSchedulesTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration NO_WAIT = Duration.ZERO;

    private final DueSchedules due = new DueSchedules();
    private final ManualClock clock = new ManualClock(T0);
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    @Test
    void handsOutDueSchedulesInTimeOrderAndOnlyOnce() throws Exception {
        due.learn(due.nextRead(), new ScheduleHead(b, 1, T0.plusSeconds(2)));
        due.learn(due.nextRead(), new ScheduleHead(a, 1, T0.plusSeconds(1)));

        assertThat(due.awaitDue(clock, 10, NO_WAIT)).isEmpty();
        clock.advance(Duration.ofSeconds(3));
        assertThat(due.awaitDue(clock, 10, NO_WAIT)).containsExactly(a, b);
        assertThat(due.awaitDue(clock, 10, NO_WAIT)).as("taken ones wait for news").isEmpty();
        assertThat(due.size()).isEqualTo(2);
    }

    @Test
    void newsFromAnOlderReadIsIgnored() throws Exception {
        long older = due.nextRead();
        long newer = due.nextRead();
        due.learn(newer, new ScheduleHead(a, 2, T0.plusSeconds(1)));
        due.learn(older, new ScheduleHead(a, 1, T0.plusSeconds(60)));

        assertThat(due.firstWake()).isEqualTo(T0.plusSeconds(1));
        due.forget(older, a);
        assertThat(due.size()).as("an older read cannot forget it either").isEqualTo(1);
        due.forget(due.nextRead(), a);
        assertThat(due.size()).isZero();
        assertThat(due.firstWake()).isNull();
    }

    @Test
    void aChangeReplacesTheWakeAndTheOldOneNeverComesDue() throws Exception {
        due.learn(due.nextRead(), new ScheduleHead(a, 1, T0.plusSeconds(1)));
        due.learn(due.nextRead(), new ScheduleHead(a, 2, T0.plusSeconds(30)));

        clock.advance(Duration.ofSeconds(2));
        assertThat(due.awaitDue(clock, 10, NO_WAIT)).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(due.awaitDue(clock, 10, NO_WAIT)).containsExactly(a);
    }

    @Test
    void anEndedScheduleIsKnownButNeverDue() throws Exception {
        due.learn(due.nextRead(), new ScheduleHead(a, 1, null));

        clock.advance(Duration.ofDays(400));
        assertThat(due.awaitDue(clock, 10, NO_WAIT)).isEmpty();
        assertThat(due.size()).isEqualTo(1);
    }

    @Test
    void aFailedClaimIsTriedAgainLater() throws Exception {
        due.learn(due.nextRead(), new ScheduleHead(a, 1, T0));
        assertThat(due.awaitDue(clock, 10, NO_WAIT)).containsExactly(a);

        due.retryAt(a, T0.plusSeconds(1));

        assertThat(due.awaitDue(clock, 10, NO_WAIT)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(due.awaitDue(clock, 10, NO_WAIT)).containsExactly(a);
    }

    @Test
    void repeatedNewsKeepsOneWake() throws Exception {
        for (int i = 0; i < 5; i++) {
            due.learn(due.nextRead(), new ScheduleHead(a, 1, T0));
        }

        assertThat(due.awaitDue(clock, 10, NO_WAIT)).containsExactly(a);
    }

    @Test
    void listsWhatAFullReadNoLongerHas() {
        due.learn(due.nextRead(), new ScheduleHead(a, 1, T0));
        due.learn(due.nextRead(), new ScheduleHead(b, 1, T0));
        long full = due.nextRead();

        assertThat(due.absentFrom(full, Set.of(a))).containsExactly(b);
    }

    @Test
    void waitsUntilTheFirstWakeOrNews() throws Exception {
        Thread waker = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            due.learn(due.nextRead(), new ScheduleHead(a, 1, T0));
        });

        long started = System.nanoTime();
        assertThat(due.awaitDue(clock, 10, Duration.ofSeconds(5))).containsExactly(a);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        waker.join();
    }
}
