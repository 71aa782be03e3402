package dev.automateos.server.system;

import dev.automateos.server.cli.VersionProvider;
import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.DatabaseUrls;
import dev.automateos.server.config.ProcessRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin-only facts about this installation (the security layer restricts /api/v1/system/**). */
@RestController
@RequestMapping("/api/v1/system")
@Tag(name = "System")
class SystemController {

    private static final String MASK = "****";

    private final AutomateOsProperties properties;
    private final DataSource dataSource;

    SystemController(AutomateOsProperties properties, DataSource dataSource) {
        this.properties = properties;
        this.dataSource = dataSource;
    }

    @GetMapping("/info")
    @Operation(summary = "Version, uptime, database and configuration (secrets masked)")
    SystemInfo info() throws SQLException {
        var runtime = ManagementFactory.getRuntimeMXBean();
        return new SystemInfo(VersionProvider.version(), Instant.ofEpochMilli(runtime.getStartTime()),
                runtime.getUptime() / 1000, Runtime.version().toString(), properties.activeRoles().stream().map(ProcessRole::wireName).toList(), database(),
                properties.dataDir().toString(), settings());
    }

    private SystemInfo.Database database() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return new SystemInfo.Database(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
                    DatabaseUrls.redact(meta.getURL()));
        }
    }

    /** Every setting, as the server sees it; secrets only say whether they are set. */
    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("host", properties.host());
        settings.put("port", properties.port());
        settings.put("data_dir", properties.dataDir().toString());
        settings.put("db.url", properties.db().external() ? DatabaseUrls.redact(properties.db().url()) : "(embedded H2)");
        settings.put("db.user", properties.db().user());
        settings.put("db.password", masked(properties.db().password()));
        settings.put("db.pool_size", properties.db().poolSize());
        settings.put("encryption_key", masked(properties.encryptionKey()));
        var auth = properties.auth();
        settings.put("auth.access_token_ttl", auth.accessTokenTtl().toString());
        settings.put("auth.refresh_token_ttl", auth.refreshTokenTtl().toString());
        settings.put("auth.max_failed_logins", auth.maxFailedLogins());
        settings.put("auth.lockout_duration", auth.lockoutDuration().toString());
        settings.put("auth.login_attempts_per_minute_per_account", auth.loginAttemptsPerMinutePerAccount());
        settings.put("auth.login_attempts_per_minute_per_ip", auth.loginAttemptsPerMinutePerIp());
        settings.put("auth.jwt_secret", masked(auth.jwtSecret()));
        settings.put("http.max_request_body", properties.http().maxRequestBody().toString());
        settings.put("log_format", properties.logFormat().name().toLowerCase());
        return settings;
    }

    private static String masked(String secret) {
        return secret == null || secret.isEmpty() ? "(not set)" : MASK;
    }
}
