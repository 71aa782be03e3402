package dev.automateos.server.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code automateos.*} setting. Each one can also be set as an {@code AUTOMATEOS_*}
 * environment variable or a CLI flag; docs/configuration.md lists them all.
 */
@Validated
@ConfigurationProperties("automateos")
public record AutomateOsProperties(
        @DefaultValue("127.0.0.1") @NotBlank String host,
        @DefaultValue("8080") @Min(0) @Max(65535) int port,
        @DefaultValue("./data") @NotNull Path dataDir,
        @DefaultValue @Valid Db db,
        String encryptionKey,
        @DefaultValue @Valid Auth auth,
        @DefaultValue @Valid Http http,
        @DefaultValue("text") LogFormat logFormat) {

    public enum LogFormat { TEXT, JSON }

    /** An external database; when {@code url} is empty the embedded H2 file database is used. */
    public record Db(String url, String user, String password,
                     @DefaultValue("10") @Min(1) @Max(500) int poolSize) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record Auth(
            @DefaultValue("15m") @NotNull Duration accessTokenTtl,
            @DefaultValue("30d") @NotNull Duration refreshTokenTtl,
            @DefaultValue("5") @Min(1) int maxFailedLogins,
            @DefaultValue("15m") @NotNull Duration lockoutDuration,
            @DefaultValue("10") @Min(1) int loginAttemptsPerMinutePerAccount,
            @DefaultValue("30") @Min(1) int loginAttemptsPerMinutePerIp,
            String jwtSecret) {
    }

    public record Http(@DefaultValue("1MB") @NotNull DataSize maxRequestBody) {
    }
}
