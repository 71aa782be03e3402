package dev.automateos.server.user;

import dev.automateos.server.auth.Role;

/** Request bodies of {@code /api/v1/users}. */
final class UserRequests {

    private UserRequests() {
    }

    record CreateUserRequest(String username, String password, String email, Role role) {
    }

    /** Every field is optional; an absent one stays as it is, an empty {@code email} removes it. */
    record UpdateUserRequest(Role role, Boolean enabled, String email, String password) {
    }
}
