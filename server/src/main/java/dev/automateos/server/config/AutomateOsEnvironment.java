package dev.automateos.server.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives Spring's own settings from the {@code automateos.*} ones, so that users only ever
 * learn one set of names: the listen address, and the embedded H2 URL inside the data directory.
 */
public class AutomateOsEnvironment implements EnvironmentPostProcessor {

    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> derived = new LinkedHashMap<>();
        Path dataDir = Path.of(env.getProperty("automateos.data-dir", "./data")).toAbsolutePath().normalize();
        derived.put("automateos.data-dir", dataDir.toString());
        // An explicit server.* setting (tests use server.port=0) is left alone.
        if (!env.containsProperty("server.address")) {
            derived.put("server.address", env.getProperty("automateos.host", "127.0.0.1"));
        }
        if (!env.containsProperty("server.port")) {
            derived.put("server.port", env.getProperty("automateos.port", "8080"));
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
        // First, so that these win over application.yml but an explicit spring.* setting never
        // silently fights with the automateos.* one it is derived from.
        env.getPropertySources().addFirst(new MapPropertySource("automateos-derived", derived));
    }
}
