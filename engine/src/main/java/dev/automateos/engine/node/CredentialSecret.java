package dev.automateos.engine.node;

/**
 * A decrypted credential as node types see it. Implementations are records whose
 * {@code toString} never shows the secret. The server maps its vault's types onto these.
 */
public interface CredentialSecret {
}
