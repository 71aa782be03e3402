package dev.automateos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.server.credential.BasicAuthCredential;
import dev.automateos.server.credential.CredentialData;
import dev.automateos.server.credential.CredentialRows;
import dev.automateos.server.crypto.DecryptionException;
import dev.automateos.server.crypto.MasterKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The real command, end to end, on an H2 file database in a temporary data directory. */
class RotateKeyCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private MasterKey oldKey;
    private JdbcClient jdbc;
    private UUID owner;

    @BeforeEach
    void serverData() throws IOException {
        MasterKey.write(dataDir.resolve(MasterKey.FILE_NAME), MasterKey.generate());
        oldKey = MasterKey.load(properties());
        var dataSource = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:file:" + dataDir.resolve("automateos")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        owner = CredentialRows.insertUser(jdbc);
    }

    private dev.automateos.server.config.AutomateOsProperties properties() {
        return new dev.automateos.server.config.AutomateOsProperties("127.0.0.1", 8080, dataDir,
                new dev.automateos.server.config.AutomateOsProperties.Db(null, null, null, 10, null), null, null, null, null, null, null, null,
                null, null, null);
    }

    private int run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private List<String> keyFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("master.key")).sorted().toList();
        }
    }

    @Test
    void reencryptsEveryCredentialAndInstallsTheNewKeyKeepingTheOldOne() throws IOException {
        Map<UUID, CredentialData> values = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            var value = new BasicAuthCredential("user" + i, "password" + i);
            values.put(CredentialRows.insert(jdbc, oldKey, owner, value), value);
        }

        int code = run("rotate-key", "--data-dir", dataDir.toString());

        assertThat(code).as("stderr: %s", err).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("re-encrypted 3 credentials").contains("log in again");
        MasterKey newKey = MasterKey.load(properties());
        assertThat(newKey.fingerprint()).isNotEqualTo(oldKey.fingerprint());
        assertThat(keyFiles()).hasSize(2).first().isEqualTo("master.key");
        Path backup = dataDir.resolve(keyFiles().get(1));
        assertThat(backup.getFileName().toString()).matches("master\\.key\\.\\d{8}T\\d{6}Z\\.bak");
        assertThat(Files.readString(backup)).isEqualTo(Base64Text.of(oldKey));
        for (Path file : List.of(dataDir.resolve("master.key"), backup)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        values.forEach((id, value) -> {
            assertThat(CredentialRows.decrypt(jdbc, newKey, id)).isEqualTo(value);
            assertThatThrownBy(() -> CredentialRows.decrypt(jdbc, oldKey, id))
                    .isInstanceOf(DecryptionException.class);
        });
        assertThat(out.toString() + err).doesNotContain("password0");
    }

    @Test
    void aCredentialThatDoesNotDecryptLeavesDatabaseAndKeyFileUnchanged() throws IOException {
        UUID good = CredentialRows.insert(jdbc, oldKey, owner, new BasicAuthCredential("a", "b"));
        UUID lost = CredentialRows.insert(jdbc, new MasterKey(MasterKey.generate(), "lost"), owner,
                new BasicAuthCredential("c", "d"));
        var before = jdbc.sql("select id, encrypted_data from credentials order by id").query().listOfRows();

        int code = run("rotate-key", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains(lost.toString()).contains("does not decrypt with the current master key")
                .contains("unchanged").doesNotContain("failed to start");
        assertThat(keyFiles()).containsExactly("master.key");
        assertThat(MasterKey.load(properties()).fingerprint()).isEqualTo(oldKey.fingerprint());
        assertThat(jdbc.sql("select id, encrypted_data from credentials order by id").query().listOfRows())
                .isEqualTo(before);
        assertThat(CredentialRows.decrypt(jdbc, oldKey, good)).isEqualTo(new BasicAuthCredential("a", "b"));
    }

    @Test
    void installsAGivenKeyFromAFile() throws IOException {
        UUID id = CredentialRows.insert(jdbc, oldKey, owner, new BasicAuthCredential("a", "b"));
        MasterKey chosen = new MasterKey(MasterKey.generate(), "chosen");
        Path keyFile = dataDir.resolveSibling("chosen-" + UUID.randomUUID() + ".key");
        Files.writeString(keyFile, Base64Text.of(chosen));

        assertThat(run("rotate-key", "--data-dir", dataDir.toString(), "--new-key-file", keyFile.toString()))
                .as("stderr: %s", err).isEqualTo(ExitCodes.OK);

        assertThat(MasterKey.load(properties()).fingerprint()).isEqualTo(chosen.fingerprint());
        assertThat(CredentialRows.decrypt(jdbc, chosen, id)).isEqualTo(new BasicAuthCredential("a", "b"));
        Files.delete(keyFile);
    }

    @Test
    void refusesADataDirectoryWithoutADatabaseAndCreatesNothing() throws IOException {
        Path empty = Files.createDirectory(dataDir.resolve("empty"));
        assertThat(run("rotate-key", "--data-dir", empty.toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(err.toString()).contains("no database at");
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void refusesABadNewKeyWithoutEchoingIt() throws IOException {
        assertThat(run("rotate-key", "--data-dir", dataDir.toString(), "--new-key", "c2hvcnQtc2VjcmV0"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(err.toString()).contains("32 bytes").doesNotContain("c2hvcnQtc2VjcmV0");
        assertThat(run("rotate-key", "--new-key", "a", "--new-key-file", "b")).isEqualTo(ExitCodes.USAGE);
        assertThat(keyFiles()).containsExactly("master.key");
    }

    @Test
    void helpSaysToStopTheServerFirst() {
        assertThat(run("rotate-key", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("STOP THE SERVER FIRST").contains("--new-key-file");
    }

    /** The text of a key file, as MasterKey.write writes it. */
    private static final class Base64Text {
        static String of(MasterKey key) {
            return java.util.Base64.getEncoder().encodeToString(key.key().getEncoded()) + "\n";
        }
    }
}
