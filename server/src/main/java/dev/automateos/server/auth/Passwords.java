package dev.automateos.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with the bcrypt {@link PasswordEncoder}. Bcrypt reads at most
 * 72 bytes and Spring Security refuses longer input, so a longer password is first reduced to
 * its SHA-256 (base64); the policy allows up to 128 characters and every one of them counts.
 */
@Component
public class Passwords {

    /**
     * A cost-12 bcrypt hash of a random string nobody knows. Checking an unknown user's password
     * against it takes as long as checking a real one, so timing does not tell which users exist.
     */
    static final String DUMMY_HASH = "$2a$12$MhxdyEUHgBJqHK/AgmXssuBQDt6Z/6LepSCNoDEuei82gCb165eku";

    private static final int BCRYPT_MAX_BYTES = 72;

    private final PasswordEncoder encoder;

    public Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    public String hash(String raw) {
        return encoder.encode(prepare(raw));
    }

    /** Whether {@code raw} matches {@code hash}; a missing hash spends the same time and never matches. */
    public boolean matches(String raw, String hash) {
        if (hash == null) {
            encoder.matches(prepare(raw), DUMMY_HASH);
            return false;
        }
        return encoder.matches(prepare(raw), hash);
    }

    private static String prepare(String raw) {
        if (raw.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES) {
            return raw;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
