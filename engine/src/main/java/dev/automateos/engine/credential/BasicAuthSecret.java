package dev.automateos.engine.credential;

import dev.automateos.engine.node.CredentialSecret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP Basic authentication, RFC 7617 (the vault's {@code basic_auth} type).
 *
 * @param username not secret, but never containing a colon
 * @param password secret
 */
public record BasicAuthSecret(String username, String password) implements CredentialSecret {

    public BasicAuthSecret {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic auth user name cannot contain a colon");
        }
    }

    /** The {@code Authorization} header value: {@code Basic base64(username:password)}, UTF-8. */
    public String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicAuthSecret[username=" + username + ", password=****]";
    }
}
