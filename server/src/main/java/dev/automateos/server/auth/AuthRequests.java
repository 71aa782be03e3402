package dev.automateos.server.auth;

import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/** The request bodies of the {@code /api/v1/auth} endpoints, and the check they share. */
final class AuthRequests {

    private AuthRequests() {
    }

    record RegisterRequest(String username, String password, String email) {
    }

    /** Both grants in one shape, since OAuth2 clients post them to the same address. */
    record TokenRequest(String grantType, String username, String password, String refreshToken) {
    }

    record LogoutRequest(String refreshToken) {
    }

    record PasswordChangeRequest(String currentPassword, String newPassword) {
    }

    record RegistrationSetting(Boolean open) {
    }

    /**
     * Throws 400 {@code validation_failed} naming every blank one of {@code pathsAndValues}
     * (alternating JSON Pointer and value).
     */
    static void require(Object... pathsAndValues) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            Object value = pathsAndValues[i + 1];
            if (value == null || value instanceof String s && s.isEmpty()) {
                problems.add(new FieldProblem((String) pathsAndValues[i], "required", "This field is required."));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
    }
}
