package dev.automateos.server.auth;

import java.time.Instant;
import java.util.UUID;

/** An account as stored. The password hash never leaves the auth package's services. */
public record User(UUID id, String username, String email, String passwordHash, Role role, boolean enabled,
                   int failedLogins, Instant lockedUntil, Instant createdAt, Instant updatedAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
