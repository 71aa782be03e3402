package dev.automateos.server.crypto;

import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.InvalidSettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit master key that encrypts credentials at rest. It comes from
 * {@code AUTOMATEOS_ENCRYPTION_KEY} (base64), or from {@code master.key} in the data directory,
 * which is generated on first start and readable by the owner only.
 */
public final class MasterKey {

    public static final String FILE_NAME = "master.key";
    private static final int KEY_BYTES = 32;

    private final SecretKey key;
    private final String source;

    public MasterKey(byte[] keyBytes, String source) {
        if (keyBytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("A master key has 32 bytes, not " + keyBytes.length);
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.source = source;
    }

    public static MasterKey load(AutomateOsProperties properties) {
        String configured = properties.encryptionKey();
        if (configured != null && !configured.isBlank()) {
            return new MasterKey(decode(configured.trim(), "automateos.encryption-key"), "AUTOMATEOS_ENCRYPTION_KEY");
        }
        return loadOrCreateFile(properties.dataDir().resolve(FILE_NAME));
    }

    static MasterKey loadOrCreateFile(Path file) {
        try {
            if (!Files.exists(file)) {
                write(file, generate());
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return new MasterKey(decode(text, "master key file " + file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    /** Writes a key file that only the owner can read; refuses to overwrite an existing one. */
    public static void write(Path file, byte[] key) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String text = Base64.getEncoder().encodeToString(key) + "\n";
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Refusing to overwrite the existing key file " + file, e);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    public static byte[] generate() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static byte[] decode(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(setting, "is not valid base64; generate one with 'openssl rand -base64 32'");
        }
        if (bytes.length != KEY_BYTES) {
            throw new InvalidSettingException(setting, "must decode to 32 bytes but has " + bytes.length
                    + "; generate one with 'openssl rand -base64 32'");
        }
        return bytes;
    }

    public SecretKey key() {
        return key;
    }

    /** Where the key came from, for the start-up report; never the key itself. */
    public String source() {
        return source;
    }

    /** A short fingerprint that tells keys apart without revealing them. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Derives an independent sub-key for one purpose, so the master key itself is used only for one job. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("automateos/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + fingerprint() + " from " + source + "]";
    }
}
