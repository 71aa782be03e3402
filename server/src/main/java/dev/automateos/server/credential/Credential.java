package dev.automateos.server.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A credential's metadata: everything about it except the secret. This is all the API ever
 * returns about a credential.
 *
 * @param lastUsedAt when a workflow last resolved it (minute resolution), or {@code null}
 */
public record Credential(UUID id, String name, String type, UUID ownerId, Instant createdAt, Instant updatedAt,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Instant lastUsedAt) {
}
