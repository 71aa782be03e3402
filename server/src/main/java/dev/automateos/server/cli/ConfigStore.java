package dev.automateos.server.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@code cli.json}. The file holds tokens, so it is created rw------- inside a
 * rwx------ directory, and replaced atomically so a crash never leaves half a file behind.
 */
final class ConfigStore {

    static final String FILE_NAME = "cli.json";
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    ConfigStore(Path dir) {
        this.dir = dir;
    }

    Path file() {
        return dir.resolve(FILE_NAME);
    }

    Optional<CliConfig> load() {
        Path file = file();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            tightenPermissions(file);
            return Optional.of(fromJson(Json.MAPPER.readTree(Files.readString(file))));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            throw CliException.input("Cannot read " + file + ": " + e.getMessage()
                    + ". Fix or delete it, then run 'automateos login'.");
        }
    }

    void save(CliConfig config) {
        try {
            createPrivateDirectory();
            Path temp = posix()
                    ? Files.createTempFile(dir, ".cli", ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE))
                    : Files.createTempFile(dir, ".cli", ".tmp");
            try {
                Files.writeString(temp, Json.pretty(toJson(config)) + "\n");
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw CliException.input("Cannot write " + file() + ": " + e.getMessage());
        }
    }

    // Mapped by hand rather than by record binding: it keeps Jackson's bean machinery out of start-up.
    private static CliConfig fromJson(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return new CliConfig(string(node, "url"), string(node, "access_token"), string(node, "refresh_token"),
                string(node, "api_key"), string(node, "username"));
    }

    private static ObjectNode toJson(CliConfig config) {
        return Json.object().put("url", config.url()).put("access_token", config.accessToken())
                .put("refresh_token", config.refreshToken()).put("api_key", config.apiKey())
                .put("username", config.username());
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private void createPrivateDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            return; // an existing directory may be the user's own choice ($AUTOMATEOS_CONFIG_DIR): leave its mode
        }
        if (posix()) {
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(DIR_MODE);
            Files.createDirectories(dir.toAbsolutePath().getParent());
            try {
                Files.createDirectory(dir, mode);
            } catch (FileAlreadyExistsException raced) {
                // another process created it in between: fine
            }
        } else {
            Files.createDirectories(dir);
        }
    }

    /** A file someone copied with looser permissions gets its private mode back before we read secrets from it. */
    private void tightenPermissions(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(FILE_MODE)) {
            Files.setPosixFilePermissions(file, FILE_MODE);
        }
    }

    private boolean posix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
