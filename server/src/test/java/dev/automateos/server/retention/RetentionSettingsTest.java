package dev.automateos.server.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.server.config.InvalidSettingException;
import dev.automateos.server.support.ApiTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job is wired into the real server with the documented defaults, and bad durations are refused by name. */
class RetentionSettingsTest extends ApiTest {

    @Autowired
    RetentionProperties settings;

    @Autowired
    RetentionJob job;

    @Test
    void theServerStartsTheJobWithTheDocumentedDefaults() {
        assertThat(settings).isEqualTo(new RetentionProperties(true, Duration.ofDays(30), 1000, Duration.ofHours(1), 500));
        assertThat(job.isRunning()).isTrue();
    }

    @Test
    void aZeroOrNegativeMaxAgeOrIntervalIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new RetentionProperties(true, Duration.ZERO, 10, Duration.ofHours(1), 500))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("automateos.retention.max-age"));
        assertThatThrownBy(() -> new RetentionProperties(true, Duration.ofDays(1), 10, Duration.ofMinutes(-5), 500))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("automateos.retention.interval"));
    }
}
