package dev.automateos.server.auth;

import java.time.Instant;
import java.util.UUID;

/** An account as stored. The password hash never leaves the auth package's services. */
public record User(UUID id, String username, String email, String passwordHash, Role role, boolean enabled,
                   int failedLogins, Instant lockedUntil, Instant createdAt, Instant updatedAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** A new password also lifts any lock-out: an admin resetting it is how a user gets back in. */
    public User withPasswordHash(String hash, Instant now) {
        return new User(id, username, email, hash, role, enabled, 0, null, createdAt, now);
    }

    public User withRole(Role newRole, Instant now) {
        return new User(id, username, email, passwordHash, newRole, enabled, failedLogins, lockedUntil, createdAt, now);
    }

    public User withEnabled(boolean newEnabled, Instant now) {
        return new User(id, username, email, passwordHash, role, newEnabled, failedLogins, lockedUntil, createdAt, now);
    }

    public User withEmail(String newEmail, Instant now) {
        return new User(id, username, newEmail, passwordHash, role, enabled, failedLogins, lockedUntil, createdAt, now);
    }
}
