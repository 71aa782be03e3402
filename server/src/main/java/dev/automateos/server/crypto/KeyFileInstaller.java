package dev.automateos.server.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Replaces the master key file in two steps, so that at no moment is there no key file (the
 * server would generate a fresh key and every secret would be lost): {@link #stage} writes the
 * new key beside the old one before anything is re-encrypted, and {@link #install} keeps a
 * backup of the old key and then renames the staged file over {@code master.key} atomically.
 */
public final class KeyFileInstaller {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path keyFile;

    public KeyFileInstaller(Path keyFile) {
        this.keyFile = keyFile.toAbsolutePath();
    }

    public Path stagedFile() {
        return keyFile.resolveSibling(keyFile.getFileName() + ".new");
    }

    /** Writes the new key next to the current one (owner-only); fails if a staged key is already there. */
    public Path stage(byte[] newKey) throws IOException {
        MasterKey.write(stagedFile(), newKey);
        return stagedFile();
    }

    /** Keeps the current key as {@code master.key.<timestamp>.bak}, then moves the staged key into place. */
    public Path install(Instant now) throws IOException {
        Path backup = keyFile.resolveSibling(keyFile.getFileName() + "." + STAMP.format(now) + ".bak");
        Files.copy(keyFile, backup, StandardCopyOption.COPY_ATTRIBUTES);
        if (backup.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(stagedFile(), keyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return backup;
    }

    /** Removes a staged key after a failed rotation, so the next attempt starts clean. */
    public void discard() throws IOException {
        Files.deleteIfExists(stagedFile());
    }
}
