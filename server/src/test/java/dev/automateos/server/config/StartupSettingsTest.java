package dev.automateos.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.automateos.server.AutomateOsApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/** Broken settings stop start-up before any bean is made, with one line that names the setting. */
class StartupSettingsTest {

    private static String failureFor(Map<String, Object> settings) {
        SpringApplication app = new SpringApplication(AutomateOsApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        // Command-line arguments, like the CLI flags: above application.yml. A throw-away data directory,
        // so a start that gets further than expected never writes into the working directory.
        Map<String, Object> all = new java.util.LinkedHashMap<>(settings);
        all.putIfAbsent("automateos.data-dir", tempDataDir());
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        Throwable failure = catchThrowable(() -> app.run(args));
        assertThat(failure).as("start-up should fail").isNotNull();
        String line = StartupFailure.describe(failure);
        assertThat(line).doesNotContain("\n");
        return line;
    }

    private static String tempDataDir() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("aos-settings");
            dir.toFile().deleteOnExit();
            return dir.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void rejectsANonNumericPort() {
        assertThat(failureFor(Map.of("automateos.port", "eighty")))
                .startsWith("invalid setting automateos.port (AUTOMATEOS_PORT)").contains("'eighty'");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThat(failureFor(Map.of("automateos.port", "70000"))).contains("automateos.port").contains("0 to 65535");
    }

    @Test
    void rejectsAnUnknownLogFormat() {
        assertThat(failureFor(Map.of("automateos.log-format", "xml")))
                .startsWith("invalid setting automateos.log-format (AUTOMATEOS_LOG_FORMAT)");
    }

    @Test
    void rejectsAnUnknownRole() {
        assertThat(failureFor(Map.of("automateos.roles", "server,cook")))
                .startsWith("invalid setting automateos.roles (AUTOMATEOS_ROLES)").contains("cook");
    }

    @Test
    void rejectsAHostWithIllegalCharacters() {
        assertThat(failureFor(Map.of("automateos.host", "bad/host"))).contains("automateos.host");
    }

    @Test
    void startupFailureNamesTheSettingForAnInvalidSettingAnywhereInTheCauseChain() {
        var failure = new IllegalStateException("outer", new InvalidSettingException("automateos.encryption-key",
                "must decode to 32 bytes"));
        assertThat(StartupFailure.describe(failure)).isEqualTo(
                "invalid setting automateos.encryption-key (AUTOMATEOS_ENCRYPTION_KEY): must decode to 32 bytes");
        assertThat(StartupFailure.exitCode(failure)).isEqualTo(3);
    }

    @Test
    void redactsPasswordsInDatabaseUrls() {
        assertThat(DatabaseUrls.redact("jdbc:postgresql://db:5432/x?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/x?user=a&password=****&ssl=true");
        assertThat(DatabaseUrls.redact("postgresql://alice:s3cret@db/x")).isEqualTo("postgresql://alice:****@db/x");
    }
}
