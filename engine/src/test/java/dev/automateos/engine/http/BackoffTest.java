package dev.automateos.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void doublesTheCeilingPerRetryUpToTheMaximum() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(100);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(200);
        assertThat(backoff.ceilingMillis(4)).isEqualTo(800);
        assertThat(backoff.ceilingMillis(5)).isEqualTo(1000);
        assertThat(backoff.ceilingMillis(1_000)).isEqualTo(1000);
        assertThat(new Backoff(Duration.ofMillis(Long.MAX_VALUE / 3), Duration.ofMillis(Long.MAX_VALUE)).ceilingMillis(60))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void jittersUniformlyBetweenZeroAndTheCeiling() {
        Random random = new Random(42);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2_000; i++) {
            long delay = backoff.delay(3, Optional.empty(), random).toMillis();
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }
        assertThat(min).isBetween(0L, 10L);
        assertThat(max).isBetween(390L, 400L);
    }

    @Test
    void takesTheServersRetryAfterCappedByTheMaximum() {
        Random random = new Random(1);
        assertThat(backoff.delay(1, Optional.of(Duration.ofMillis(700)), random)).isEqualTo(Duration.ofMillis(700));
        assertThat(backoff.delay(1, Optional.of(Duration.ofHours(1)), random)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(-5)), random)).isEqualTo(Duration.ZERO);
    }

    @Test
    void waitsNothingWithAZeroInitialDelayAndRejectsNonsense() {
        assertThat(new Backoff(Duration.ZERO, Duration.ofSeconds(1)).delay(5, Optional.empty(), new Random()))
                .isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> backoff.delay(0, Optional.empty(), new Random())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(-1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999999", clock)).contains(Duration.ofDays(1));
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:16:00 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }
}
