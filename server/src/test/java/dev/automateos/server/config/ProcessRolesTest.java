package dev.automateos.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Which roles a process plays: what it was asked on PostgreSQL, every role on the embedded database. */
class ProcessRolesTest {

    static AutomateOsProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("automateos", AutomateOsProperties.class);
    }

    @Test
    void playsEveryRoleByDefault() {
        assertThat(bind(Map.of()).activeRoles()).containsExactly(ProcessRole.values());
    }

    @Test
    void onPostgresPlaysOnlyTheRolesAskedFor() {
        var worker = bind(Map.of("automateos.db.url", "jdbc:postgresql://127.0.0.1/test", "automateos.roles", "worker"));

        assertThat(worker.activeRoles()).containsExactly(ProcessRole.WORKER);
        assertThat(worker.hasRole(ProcessRole.SERVER)).isFalse();
        assertThat(bind(Map.of("automateos.db.url", "jdbc:postgresql://127.0.0.1/test",
                "automateos.roles", "server,scheduler")).activeRoles())
                .containsExactly(ProcessRole.SERVER, ProcessRole.SCHEDULER);
    }

    @Test
    void onTheEmbeddedDatabasePlaysEveryRoleWhateverWasAsked() {
        var asked = bind(Map.of("automateos.roles", "server"));

        assertThat(asked.roles()).containsExactly(ProcessRole.SERVER);
        assertThat(asked.activeRoles()).containsExactly(ProcessRole.values());
        assertThat(asked.hasRole(ProcessRole.WORKER)).isTrue();
    }
}
