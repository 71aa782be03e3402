package dev.automateos.server.schedule;

import dev.automateos.server.config.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How schedulers fire schedule triggers ({@code automateos.schedule.*}, docs/configuration.md).
 *
 * @param misfireTolerance how late an occurrence may be and still fire as itself; an older one was
 *                         missed, and the trigger's misfire policy decides (docs/schedules.md)
 * @param refreshInterval  how often a scheduler re-reads the schedules changed since it last looked,
 *                         in case it missed a change notice; the longest a change can take to reach it
 */
@Validated
@ConfigurationProperties("automateos.schedule")
record ScheduleProperties(
        @DefaultValue("5s") Duration misfireTolerance,
        @DefaultValue("1s") Duration refreshInterval) {

    ScheduleProperties {
        between("automateos.schedule.misfire-tolerance", misfireTolerance, Duration.ofMillis(100), Duration.ofHours(24));
        between("automateos.schedule.refresh-interval", refreshInterval, Duration.ofMillis(100), Duration.ofMinutes(1));
    }

    private static void between(String setting, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidSettingException(setting, "must be a duration between " + min.toMillis() + "ms and "
                    + max + " (such as 5s), not " + value);
        }
    }
}
