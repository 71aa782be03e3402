package dev.automateos.server.cli;

import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.credential.CredentialKeyRotation;
import dev.automateos.server.crypto.KeyFileInstaller;
import dev.automateos.server.crypto.MasterKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The steps of {@code rotate-key} once settings are loaded. Ordered so that a failure at any
 * step leaves a state the server can start from: the new key is staged beside the old one
 * before the database changes, and replaces it only after the commit.
 */
final class KeyRotationRun {

    private final AutomateOsProperties properties;
    private final DataSource dataSource;
    private final CredentialKeyRotation rotation;
    private final PrintWriter out;
    private final PrintWriter err;

    KeyRotationRun(AutomateOsProperties properties, DataSource dataSource, CredentialKeyRotation rotation,
                   PrintWriter out, PrintWriter err) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.rotation = rotation;
        this.out = out;
        this.err = err;
    }

    int run(byte[] nextKey, boolean generated) {
        Path keyFile = properties.dataDir().resolve(MasterKey.FILE_NAME);
        boolean fromEnvironment = properties.encryptionKey() != null && !properties.encryptionKey().isBlank();
        String problem = checkLocations(keyFile, fromEnvironment);
        if (problem != null) {
            err.println("automateos: " + problem);
            return ExitCodes.CONFIG;
        }
        MasterKey current = MasterKey.load(properties);
        MasterKey next = new MasterKey(nextKey, "new key");
        if (current.fingerprint().equals(next.fingerprint())) {
            err.println("automateos: the new key is the current key (fingerprint " + next.fingerprint() + ")");
            return ExitCodes.CONFIG;
        }
        KeyFileInstaller installer = new KeyFileInstaller(keyFile);
        if (!fromEnvironment && !stage(installer, nextKey)) {
            return ExitCodes.CONFIG;
        }
        out.println("Rotating the master key " + current.fingerprint() + " (" + current.source() + ") -> "
                + next.fingerprint());
        int count;
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            count = rotation.reencryptAll(current, next, n -> out.println("  re-encrypted " + n + " credentials..."));
        } catch (CredentialKeyRotation.RotationFailedException e) {
            err.println("automateos: " + e.getMessage());
            discard(installer, fromEnvironment);
            return ExitCodes.FAILURE;
        } catch (RuntimeException e) {
            discard(installer, fromEnvironment);
            throw e;
        }
        out.println("re-encrypted " + count + " credentials (committed in one transaction)");
        return fromEnvironment ? finishWithEnvironment(nextKey, next, generated) : finishWithFile(installer, keyFile);
    }

    private String checkLocations(Path keyFile, boolean fromEnvironment) {
        Path h2File = properties.dataDir().resolve("automateos.mv.db");
        if (!properties.db().external() && !Files.exists(h2File)) {
            return "no database at " + h2File + "; pass the server's --data-dir (or --db-url)";
        }
        if (!fromEnvironment && !Files.exists(keyFile)) {
            return "no master key at " + keyFile + " and AUTOMATEOS_ENCRYPTION_KEY is not set; pass the server's "
                    + "--data-dir";
        }
        return null;
    }

    private boolean stage(KeyFileInstaller installer, byte[] nextKey) {
        if (Files.exists(installer.stagedFile())) {
            err.println("automateos: " + installer.stagedFile() + " exists: an earlier rotation did not finish. See "
                    + "'Recovering an interrupted rotation' in docs/credentials.md");
            return false;
        }
        try {
            installer.stage(nextKey);
            return true;
        } catch (IOException e) {
            err.println("automateos: cannot write the new key: " + e.getMessage());
            return false;
        }
    }

    private void discard(KeyFileInstaller installer, boolean fromEnvironment) {
        try {
            if (!fromEnvironment) {
                installer.discard();
            }
        } catch (IOException e) {
            err.println("automateos: could not remove " + installer.stagedFile() + " (" + e.getMessage()
                    + "); delete it before the next rotation");
        }
        err.println("automateos: rotation failed and was rolled back; the credentials and the master key are "
                + "unchanged.");
    }

    private int finishWithFile(KeyFileInstaller installer, Path keyFile) {
        try {
            Path backup = installer.install(Instant.now());
            out.println("Installed the new key in " + keyFile + " (owner-only); the old key is kept in " + backup
                    + ". Keep it with the database backups taken before this rotation, or delete it.");
        } catch (IOException e) {
            err.println("automateos: the credentials are re-encrypted, but the new key could not be installed ("
                    + e.getMessage() + "). Move " + installer.stagedFile() + " to " + keyFile
                    + " before starting the server.");
            return ExitCodes.FAILURE;
        }
        afterwards();
        return ExitCodes.OK;
    }

    private int finishWithEnvironment(byte[] nextKey, MasterKey next, boolean generated) {
        out.println("The master key comes from AUTOMATEOS_ENCRYPTION_KEY. Set it to the new key before starting the "
                + "server, or the credentials cannot be decrypted:");
        out.println(generated ? "  AUTOMATEOS_ENCRYPTION_KEY=" + Base64.getEncoder().encodeToString(nextKey)
                : "  the key you passed (fingerprint " + next.fingerprint() + ")");
        afterwards();
        return ExitCodes.OK;
    }

    private void afterwards() {
        String jwtSecret = properties.auth().jwtSecret();
        if (jwtSecret == null || jwtSecret.isBlank()) {
            out.println("Access tokens were signed with a key derived from the old master key: everyone has to log in "
                    + "again.");
        }
        out.println("Done. Start the server again.");
    }
}
