package dev.automateos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    @TempDir
    Path temp;

    @Test
    void savesAndLoadsTheSessionAsSnakeCaseJson() throws Exception {
        ConfigStore store = new ConfigStore(temp.resolve("automateos"));
        CliConfig config = CliConfig.withTokens("http://127.0.0.1:8080", "access-1", "refresh-1", "alice");

        store.save(config);

        assertThat(store.load()).contains(config);
        assertThat(Files.readString(store.file())).contains("\"access_token\"", "\"refresh_token\"", "\"api_key\"");
    }

    @Test
    void createsAPrivateDirectoryAndAFileOnlyTheOwnerCanRead() throws Exception {
        Path dir = temp.resolve("nested/automateos");
        ConfigStore store = new ConfigStore(dir);

        store.save(CliConfig.withApiKey("http://127.0.0.1:8080", "aos_secret", "bob"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temp files left behind").containsExactly(store.file());
        }
    }

    @Test
    void tightensAFileThatOthersCouldRead() throws Exception {
        ConfigStore store = new ConfigStore(temp);
        store.save(CliConfig.withApiKey("http://h:1", "aos_k", "u"));
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        store.load();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void forgettingSecretsKeepsOnlyTheServerAddress() {
        ConfigStore store = new ConfigStore(temp);
        store.save(CliConfig.withTokens("http://h:1", "a", "r", "u").withoutSecrets());

        CliConfig loaded = store.load().orElseThrow();

        assertThat(loaded).isEqualTo(new CliConfig("http://h:1", null, null, null, null));
        assertThat(loaded.loggedIn()).isFalse();
    }

    @Test
    void aMissingFileMeansNotLoggedIn() {
        assertThat(new ConfigStore(temp.resolve("none")).load()).isEmpty();
    }

    @Test
    void aCorruptFileIsAConfigErrorThatSaysWhatToDo() throws Exception {
        ConfigStore store = new ConfigStore(temp);
        Files.writeString(store.file(), "{not json");

        assertThatThrownBy(store::load)
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.CONFIG))
                .hasMessageContaining(store.file().toString())
                .hasMessageContaining("automateos login");
    }

    @Test
    void configDirectoryComesFromTheVariableThenXdgThenHome() {
        assertThat(CliEnvironment.configDir(Map.of("AUTOMATEOS_CONFIG_DIR", "/x/cfg", "XDG_CONFIG_HOME", "/xdg"), "/home/u"))
                .isEqualTo(Path.of("/x/cfg"));
        assertThat(CliEnvironment.configDir(Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/u"))
                .isEqualTo(Path.of("/xdg/automateos"));
        assertThat(CliEnvironment.configDir(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.config/automateos"));
    }
}
