package dev.automateos.server.credential;

import java.util.UUID;

/** {@link CredentialVault} could not hand out a credential. The message names the credential, never its value. */
public final class CredentialUnavailableException extends RuntimeException {

    /** Why; a run that fails on it should say so in words the workflow's owner can act on. */
    public enum Reason {
        /** No such credential, or it belongs to someone else: the two look the same on purpose. */
        NOT_FOUND,
        /** It exists but is of another type than the caller needs. */
        WRONG_TYPE,
        /** It exists but cannot be decrypted (wrong master key, tampered row) or read. */
        UNREADABLE
    }

    private final UUID credentialId;
    private final Reason reason;

    CredentialUnavailableException(UUID credentialId, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.credentialId = credentialId;
        this.reason = reason;
    }

    public UUID credentialId() {
        return credentialId;
    }

    public Reason reason() {
        return reason;
    }
}
