package dev.automateos.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void generatedKeyFileIsReadableByTheOwnerOnly() throws IOException {
        Path file = dir.resolve("data").resolve(MasterKey.FILE_NAME);
        MasterKey key = MasterKey.loadOrCreateFile(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(MasterKey.loadOrCreateFile(file).fingerprint()).isEqualTo(key.fingerprint());
    }

    @Test
    void installKeepsTheOldKeyAsBackupAndReplacesTheFileWithOwnerOnlyPermissions() throws IOException {
        Path file = dir.resolve(MasterKey.FILE_NAME);
        MasterKey old = MasterKey.loadOrCreateFile(file);
        byte[] next = MasterKey.generate();
        KeyFileInstaller installer = new KeyFileInstaller(file);

        installer.stage(next);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(installer.stagedFile())))
                .isEqualTo("rw-------");
        assertThat(MasterKey.loadOrCreateFile(file).fingerprint()).as("unchanged until installed")
                .isEqualTo(old.fingerprint());
        Path backup = installer.install(Instant.parse("2026-11-22T10:15:30Z"));

        assertThat(backup.getFileName().toString()).isEqualTo("master.key.20261122T101530Z.bak");
        assertThat(MasterKey.loadOrCreateFile(backup).fingerprint()).isEqualTo(old.fingerprint());
        assertThat(MasterKey.loadOrCreateFile(file).fingerprint())
                .isEqualTo(new MasterKey(next, "next").fingerprint());
        assertThat(Files.readString(file).trim()).isEqualTo(Base64.getEncoder().encodeToString(next));
        for (Path p : new Path[] {file, backup}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(installer.stagedFile()).doesNotExist();
    }

    @Test
    void stagingRefusesToOverwriteALeftoverStagedKey() throws IOException {
        Path file = dir.resolve(MasterKey.FILE_NAME);
        MasterKey.loadOrCreateFile(file);
        KeyFileInstaller installer = new KeyFileInstaller(file);
        installer.stage(MasterKey.generate());
        String staged = Files.readString(installer.stagedFile());

        assertThatThrownBy(() -> installer.stage(MasterKey.generate())).isInstanceOf(IOException.class);
        assertThat(Files.readString(installer.stagedFile())).isEqualTo(staged);
        installer.discard();
        assertThat(installer.stagedFile()).doesNotExist();
    }
}
