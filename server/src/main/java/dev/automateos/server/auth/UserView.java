package dev.automateos.server.auth;

import java.time.Instant;
import java.util.UUID;

/** An account as the API shows it: never the password hash or the lock-out counters. */
public record UserView(UUID id, String username, String email, Role role, boolean enabled, Instant createdAt) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.email(), user.role(), user.enabled(), user.createdAt());
    }
}
