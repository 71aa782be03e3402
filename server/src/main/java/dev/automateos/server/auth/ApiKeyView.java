package dev.automateos.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An API key as the API shows it. {@code key}, the secret itself, is set only in the answer
 * to its creation; it is never stored and cannot be shown again.
 */
record ApiKeyView(UUID id, String name, String prefix, List<Scope> scopes, Instant createdAt, Instant expiresAt,
                  Instant lastUsedAt, String key) {

    ApiKeyView withKey(String secret) {
        return new ApiKeyView(id, name, prefix, scopes, createdAt, expiresAt, lastUsedAt, secret);
    }
}
