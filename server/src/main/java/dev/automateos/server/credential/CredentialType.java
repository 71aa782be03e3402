package dev.automateos.server.credential;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a credential type. Put it on a record implementing {@link CredentialData} anywhere
 * under {@code dev.automateos}; {@link CredentialTypes} finds it at start-up, generates its
 * JSON Schema and serves it. No list to edit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CredentialType {

    /** The stable id stored with every credential of this type, e.g. {@code api_key}. Never rename it. */
    String value();

    /** A short human name for pickers, e.g. "API key". */
    String name();

    /** One or two sentences that tell a user when to pick this type. */
    String description();
}
