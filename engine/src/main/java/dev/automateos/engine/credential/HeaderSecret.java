package dev.automateos.engine.credential;

import dev.automateos.engine.node.CredentialSecret;
import java.util.Objects;

/**
 * One secret HTTP header for services with a scheme of their own (the vault's {@code custom_header} type).
 *
 * @param headerName  e.g. {@code X-Auth-Token}; not secret
 * @param headerValue secret
 */
public record HeaderSecret(String headerName, String headerValue) implements CredentialSecret {

    public HeaderSecret {
        Objects.requireNonNull(headerName, "headerName");
        Objects.requireNonNull(headerValue, "headerValue");
        if (headerName.isBlank()) {
            throw new IllegalArgumentException("a header credential needs a header name");
        }
    }

    @Override
    public String toString() {
        return "HeaderSecret[headerName=" + headerName + ", headerValue=****]";
    }
}
