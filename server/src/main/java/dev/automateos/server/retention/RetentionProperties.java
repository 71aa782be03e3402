package dev.automateos.server.retention;

import dev.automateos.server.config.InvalidSettingException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long finished executions stay in the history ({@code automateos.retention.*}, see
 * docs/configuration.md). Queued, running and waiting executions are never pruned.
 *
 * @param enabled        false keeps every execution until it is deleted by hand
 * @param maxAge         finished executions that finished longer ago than this are deleted
 * @param maxPerWorkflow at most this many finished executions are kept per workflow, the newest
 * @param interval       time between two pruning runs; the first runs a minute after start-up
 * @param batchSize      rows deleted per transaction, so pruning never holds long locks
 */
@Validated
@ConfigurationProperties("automateos.retention")
record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30d") Duration maxAge,
        @DefaultValue("1000") @Min(1) @Max(10_000_000) int maxPerWorkflow,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize) {

    RetentionProperties {
        positive("automateos.retention.max-age", maxAge);
        positive("automateos.retention.interval", interval);
    }

    private static void positive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(setting, "must be a positive duration such as 30d or 1h, not " + value);
        }
    }
}
