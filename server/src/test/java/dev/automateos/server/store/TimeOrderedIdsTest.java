package dev.automateos.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.testkit.ManualClock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void areVersionSevenWithTheClocksMillisecondsInFront() {
        var clock = new ManualClock(Instant.parse("2026-12-02T10:00:00.123Z"));

        UUID id = TimeOrderedIds.next(clock);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    }

    @Test
    void sortByTimeAcrossMillisecondsAndDoNotRepeat() {
        var clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
        UUID earlier = TimeOrderedIds.next(clock);
        clock.advance(java.time.Duration.ofMillis(1));
        UUID later = TimeOrderedIds.next(clock);
        Set<UUID> sameMillisecond = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            sameMillisecond.add(TimeOrderedIds.next(clock));
        }

        // The text form is what both databases' uuid indexes order by (byte order).
        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(sameMillisecond).hasSize(10_000);
    }
}
