package dev.automateos.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives Spring's own settings from the {@code automateos.*} ones, so that users only ever
 * learn one set of names: the listen address, and the embedded H2 URL inside the data directory.
 */
public class AutomateOsEnvironment implements EnvironmentPostProcessor {

    // WRITE_DELAY=0: a commit reaches the file before it returns, so acknowledged work survives kill -9
    // (H2 delays writes by 500 ms by default; see docs/queue.md and H2KillNineIT).
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    /**
     * Checked here rather than only on the properties record because the web server binds the
     * port before that record is validated, and would fail with a page of Tomcat errors.
     */
    private static String checkedPort(String port) {
        try {
            int value = Integer.parseInt(port.trim());
            if (value >= 0 && value <= 65535) {
                return String.valueOf(value);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidSettingException("automateos.port", "must be a number from 0 to 65535, not '" + port + "'");
    }

    private static Duration checkedTimeout(String value) {
        try {
            Duration timeout = DurationStyle.detectAndParse(value.trim());
            if (timeout.toMillis() >= 250 && timeout.compareTo(Duration.ofMinutes(5)) <= 0) {
                return timeout;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new InvalidSettingException("automateos.db.connection-timeout",
                "must be a duration from 250ms to 5m (such as 5s), not '" + value + "'");
    }

    /** Early too: a misspelt role would otherwise only fail once the database is migrated. */
    private static void checkRoles(String roles) {
        for (String role : roles.split(",")) {
            String name = role.trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && Arrays.stream(ProcessRole.values()).noneMatch(r -> r.wireName().equals(name))) {
                throw new InvalidSettingException("automateos.roles",
                        "must list server, worker and/or scheduler (comma-separated), not '" + role.trim() + "'");
            }
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> derived = new LinkedHashMap<>();
        try {
            derive(env, derived);
        } catch (InvalidSettingException e) {
            // Logging is not configured yet, so a failure thrown now would print a long trace; the
            // InvalidSettingReporter rethrows it once logging is set up.
            derived.put(InvalidSettingReporter.SETTING, e.setting());
            derived.put(InvalidSettingReporter.PROBLEM, e.getMessage());
        }
        // First, so that these win over application.yml but an explicit spring.* setting never
        // silently fights with the automateos.* one it is derived from.
        env.getPropertySources().addFirst(new MapPropertySource("automateos-derived", derived));
    }

    private static void derive(ConfigurableEnvironment env, Map<String, Object> derived) {
        Path dataDir = Path.of(env.getProperty("automateos.data-dir", "./data")).toAbsolutePath().normalize();
        derived.put("automateos.data-dir", dataDir.toString());
        // An explicit server.* setting (tests use server.port=0) is left alone.
        if (!env.containsProperty("server.address")) {
            derived.put("server.address", env.getProperty("automateos.host", "127.0.0.1"));
        }
        if (!env.containsProperty("server.port")) {
            derived.put("server.port", checkedPort(env.getProperty("automateos.port", "8080")));
        }
        String url = env.getProperty("automateos.db.url");
        if (url == null || url.isBlank()) {
            derived.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("automateos") + H2_OPTIONS);
            derived.put("spring.datasource.username", "sa");
            derived.put("spring.datasource.password", "");
        } else {
            derived.put("spring.datasource.url", url);
            derived.put("spring.datasource.username", env.getProperty("automateos.db.user", ""));
            derived.put("spring.datasource.password", env.getProperty("automateos.db.password", ""));
        }
        derived.put("spring.datasource.hikari.maximum-pool-size", env.getProperty("automateos.db.pool-size", "10"));
        // Short, so a request meets a database outage with a quick 503 instead of hanging for Hikari's 30 s default.
        derived.put("spring.datasource.hikari.connection-timeout",
                String.valueOf(checkedTimeout(env.getProperty("automateos.db.connection-timeout", "5s")).toMillis()));
        checkRoles(env.getProperty("automateos.roles", ""));
        String logFormat = env.getProperty("automateos.log-format", "text").trim().toLowerCase();
        switch (logFormat) {
            case "json" -> derived.put("logging.structured.format.console", "ecs");
            case "text" -> { }
            default -> throw new InvalidSettingException("automateos.log-format",
                    "must be 'text' or 'json', not '" + logFormat + "'");
        }
        if (!env.getProperty("automateos.host", "127.0.0.1").matches("[A-Za-z0-9.:_%\\[\\]-]+")) {
            throw new InvalidSettingException("automateos.host", "must be a host name or an IP address");
        }
    }
}
