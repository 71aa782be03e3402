package dev.automateos.engine.execution;

import static dev.automateos.engine.execution.MachineHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void growsExponentiallyUpToTheMaximumDelay() {
        var policy = RetryPolicy.of(json("{\"max_attempts\": 10, \"initial_delay_ms\": 100, \"multiplier\": 2, "
                + "\"max_delay_ms\": 500}"));

        assertThat(policy.delayAfter(1, 1.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayAfter(2, 1.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayAfter(3, 1.0)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.delayAfter(4, 1.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(40, 1.0)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void jitterKeepsTheDelayBetweenHalfAndAllOfTheBackoff() {
        var policy = RetryPolicy.of(json("{\"initial_delay_ms\": 1000}"));

        assertThat(policy.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(1, 0.5)).isEqualTo(Duration.ofMillis(750));
        Jitter hashed = Jitter.hashed();
        for (int attempt = 1; attempt < 200; attempt++) {
            double f = hashed.fraction("e", "s", attempt);
            assertThat(f).isBetween(0.0, 1.0);
            assertThat(hashed.fraction("e", "s", attempt)).isEqualTo(f);
        }
        assertThat(hashed.fraction("e", "s", 1)).isNotEqualTo(hashed.fraction("e", "s", 2));
    }

    @Test
    void defaultsToThreeAttemptsWhenRetryIsGivenAndToOneWhenNot() {
        assertThat(RetryPolicy.of(json("{}"))).isEqualTo(new RetryPolicy(3, Duration.ofSeconds(1), 2,
                Duration.ofMinutes(1)));
        assertThat(RetryPolicy.of(null)).isEqualTo(RetryPolicy.NONE);
        assertThat(RetryPolicy.NONE.allowsAnotherAfter(1)).isFalse();
    }
}
