package dev.automateos.server.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        @DefaultValue("text") LogFormat logFormat,
        @DefaultValue @Valid Engine engine,
        @DefaultValue @Valid Outbound outbound,
        @DefaultValue({"server", "worker", "scheduler"}) List<ProcessRole> roles,
        @DefaultValue @Valid Queue queue,
        @DefaultValue @Valid Events events,
        @DefaultValue @Valid Redis redis) {

    public AutomateOsProperties {
        roles = roles == null || roles.isEmpty() ? List.of(ProcessRole.values()) : List.copyOf(roles);
    }

    /**
     * The roles this process plays: those asked for on PostgreSQL; every role on the embedded
     * database, whatever was asked, because only one process can open its file.
     */
    public List<ProcessRole> activeRoles() {
        return db.external() ? roles : List.of(ProcessRole.values());
    }

    /** Whether this process plays {@code role}; a standalone process plays them all. */
    public boolean hasRole(ProcessRole role) {
        return activeRoles().contains(role);
    }

    public enum LogFormat { TEXT, JSON }

    /** An external database; when {@code url} is empty the embedded H2 file database is used. */
    public record Db(String url, String user, String password,
                     @DefaultValue("10") @Min(1) @Max(500) int poolSize,
                     @DefaultValue("5s") @NotNull Duration connectionTimeout) {
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

    /**
     * The execution runtime.
     *
     * @param workerConcurrency executions a worker advances at once (each on a virtual thread)
     * @param maxStepOutput     a step input or output larger than this is stored as a truncation marker
     * @param leaseDuration     how long a worker holds a claimed item without a heartbeat; a worker that
     *                          dies loses its executions to another worker after this long
     */
    public record Engine(@DefaultValue("64") @Min(1) @Max(10000) int workerConcurrency,
                         @DefaultValue("256KB") @NotNull DataSize maxStepOutput,
                         @DefaultValue("30s") @NotNull Duration leaseDuration) {
        public Engine {
            if (leaseDuration != null && (leaseDuration.compareTo(Duration.ofSeconds(3)) < 0
                    || leaseDuration.compareTo(Duration.ofHours(1)) > 0)) {
                throw new InvalidSettingException("automateos.engine.lease-duration",
                        "must be from 3s to 1h, not " + leaseDuration);
            }
        }
    }

    /**
     * Where the work queue lives (docs/queue.md).
     *
     * @param broker {@code database}: the application's own database (H2, or PostgreSQL with
     *               {@code FOR UPDATE SKIP LOCKED} and LISTEN/NOTIFY wake-ups); {@code redis}:
     *               Redis Streams, with the database still the source of truth
     */
    public record Queue(@DefaultValue("database") @NotNull Broker broker) {
        public enum Broker { DATABASE, REDIS }
    }

    /**
     * How live events, synchronous webhook replies and wake-ups cross processes.
     *
     * @param bus {@code auto}: PostgreSQL NOTIFY on PostgreSQL (Redis pub/sub when the queue is on
     *            Redis), in-process on the embedded database
     */
    public record Events(@DefaultValue("auto") @NotNull Bus bus) {
        public enum Bus { AUTO, IN_PROCESS, POSTGRES, REDIS }
    }

    /**
     * The Redis server, when the queue or the events use it (docs/queue.md).
     *
     * @param url               {@code redis://[user:password@]host:port[/database]}, or {@code rediss://} for TLS
     * @param keyPrefix         what every key and channel name starts with, so installations sharing one
     *                          Redis do not collide
     * @param reconcileInterval how often a worker or scheduler compares the unfinished executions in the
     *                          database with the items in Redis
     * @param reconcileGrace    how long an unfinished execution must stay unchanged without a queue item
     *                          before it is queued again
     */
    public record Redis(@DefaultValue("redis://127.0.0.1:6379") @NotBlank String url,
                        @DefaultValue("automateos:") @NotBlank String keyPrefix,
                        @DefaultValue("10s") @NotNull Duration reconcileInterval,
                        @DefaultValue("60s") @NotNull Duration reconcileGrace) {
    }

    /** What nodes may reach over HTTP (engine {@code OutboundPolicy}); metadata addresses are always refused. */
    public record Outbound(@DefaultValue("true") boolean allowPrivate,
                           @DefaultValue("true") boolean allowLoopback,
                           List<String> deniedHosts,
                           List<String> allowedHosts) {
        public Outbound {
            deniedHosts = deniedHosts == null ? List.of() : List.copyOf(deniedHosts);
            allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        }
    }
}
