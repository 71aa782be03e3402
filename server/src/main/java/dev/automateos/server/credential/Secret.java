package dev.automateos.server.credential;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a credential record as secret. Its schema says {@code "writeOnly": true}
 * and {@code "format": "password"}, so forms render it as a password field that is never
 * filled from the server, and the record's {@code toString} must mask it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface Secret {
}
