package dev.automateos.server.crypto;

/**
 * A sealed secret could not be opened. The message says why in terms an operator can act on
 * (which key was expected, which key is loaded) and never contains any part of the secret.
 */
public final class DecryptionException extends RuntimeException {

    /** Why opening failed; each calls for a different fix. */
    public enum Reason {
        /** Sealed under another master key: restore that key, or the data is lost. */
        WRONG_KEY,
        /** Same key, but the integrity check failed: modified, or copied from another record. */
        TAMPERED,
        /** Not an envelope this version can read: truncated, not base64, or an unknown format version. */
        MALFORMED
    }

    private final Reason reason;

    DecryptionException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
