package dev.automateos.engine.credential;

import dev.automateos.engine.node.CredentialSecret;
import java.util.Objects;

/**
 * An API key or bearer token (the vault's {@code api_key} type).
 *
 * @param token     the key; secret
 * @param placement where a request carries it
 * @param name      the header or query parameter name; required for {@code HEADER} and {@code QUERY},
 *                  absent for {@code BEARER} (the header is always {@code Authorization})
 */
public record ApiKeySecret(String token, Placement placement, String name) implements CredentialSecret {

    /** Where the key goes in a request. */
    public enum Placement { HEADER, QUERY, BEARER }

    public ApiKeySecret {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(placement, "placement");
        if (placement != Placement.BEARER && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("an API key placed in a " + placement + " needs a name");
        }
        if (placement == Placement.BEARER) {
            name = null;
        }
    }

    /** A token sent as {@code Authorization: Bearer <token>}. */
    public static ApiKeySecret bearer(String token) {
        return new ApiKeySecret(token, Placement.BEARER, null);
    }

    @Override
    public String toString() {
        return "ApiKeySecret[token=****, placement=" + placement + ", name=" + name + "]";
    }
}
