package dev.automateos.engine.node;

/** A node asked for a credential that does not exist, is not the owner's, or is of another kind. */
public class CredentialUnavailableException extends RuntimeException {

    public CredentialUnavailableException(String message) {
        super(message);
    }
}
