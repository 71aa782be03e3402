package dev.automateos.server.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption of small secrets with AES-256-GCM, under a key derived from the
 * master key for one purpose. A sealed value is the base64 of a self-describing envelope:
 *
 * <pre>  format version (1 byte) | master key fingerprint (4) | nonce (12) | ciphertext + GCM tag (16)</pre>
 *
 * <p>Every seal draws a fresh random 96-bit nonce. The header and the caller's associated data
 * are authenticated, so a value opened with other associated data (e.g. copied to another row)
 * fails, and a value sealed under another master key is recognised by its fingerprint and
 * reported as such instead of as corruption. Instances are immutable and thread-safe.
 */
public final class SecretBox {

    static final byte FORMAT_V1 = 1;
    private static final int FINGERPRINT_BYTES = 4;
    private static final int HEADER_BYTES = 1 + FINGERPRINT_BYTES;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final byte[] fingerprint;

    /**
     * @param purpose names what the box protects (e.g. {@code credentials/v1}); boxes with different
     *                purposes use independent keys
     */
    public SecretBox(MasterKey masterKey, String purpose) {
        this.key = new SecretKeySpec(masterKey.derive("secret-box/" + purpose), "AES");
        this.fingerprint = HexFormat.of().parseHex(masterKey.fingerprint());
    }

    /** The fingerprint of the master key this box seals with, as {@link MasterKey#fingerprint()} shows it. */
    public String fingerprint() {
        return HexFormat.of().formatHex(fingerprint);
    }

    public String seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT_V1).put(fingerprint);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.array());
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + sealed.length)
                    .put(header.array()).put(nonce).put(sealed);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Opens a value {@link #seal sealed} with the same associated data, or says precisely why it cannot. */
    public byte[] open(String sealed, byte[] associatedData) {
        byte[] envelope = decode(sealed);
        String sealedWith = fingerprintOf(envelope);
        if (!sealedWith.equals(fingerprint())) {
            throw new DecryptionException(DecryptionException.Reason.WRONG_KEY, "It was encrypted with the master key "
                    + sealedWith + ", but the loaded master key is " + fingerprint()
                    + ". Start with the master key that encrypted it (see docs/credentials.md).");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, envelope, HEADER_BYTES, NONCE_BYTES));
            cipher.updateAAD(envelope, 0, HEADER_BYTES);
            cipher.updateAAD(associatedData);
            int offset = HEADER_BYTES + NONCE_BYTES;
            return cipher.doFinal(envelope, offset, envelope.length - offset);
        } catch (AEADBadTagException e) {
            throw new DecryptionException(DecryptionException.Reason.TAMPERED, "It failed its integrity check with "
                    + "the right master key: the stored value was modified or copied from another record.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** The fingerprint of the master key a value was sealed with, read from its header without opening it. */
    public static String fingerprintOf(String sealed) {
        return fingerprintOf(decode(sealed));
    }

    private static String fingerprintOf(byte[] envelope) {
        return HexFormat.of().formatHex(envelope, 1, HEADER_BYTES);
    }

    private static byte[] decode(String sealed) {
        byte[] envelope;
        try {
            envelope = Base64.getDecoder().decode(sealed == null ? "" : sealed);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException(DecryptionException.Reason.MALFORMED, "The stored value is not base64.");
        }
        if (envelope.length < HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8) {
            throw new DecryptionException(DecryptionException.Reason.MALFORMED, "The stored value is truncated.");
        }
        if (envelope[0] != FORMAT_V1) {
            throw new DecryptionException(DecryptionException.Reason.MALFORMED, "The stored value has format version "
                    + envelope[0] + ", which this version of AutomateOS cannot read.");
        }
        return envelope;
    }
}
