package dev.automateos.server.auth;

import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The auth feature's facade for code that manages accounts (registration here, user
 * administration elsewhere): creating users under the account rules, setting passwords, and
 * ending a user's sessions.
 */
@Service
public class Accounts {

    private final JdbcUserStore users;
    private final JdbcRefreshTokenStore refreshTokens;
    private final Passwords passwords;
    private final Clock clock;

    public Accounts(JdbcUserStore users, JdbcRefreshTokenStore refreshTokens, Passwords passwords, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Checks a new account and hashes its password; writes nothing. An {@code api} account has no
     * password (it signs in with keys only), every other role needs one.
     *
     * @throws ApiException 400 {@code validation_failed} naming each bad field
     */
    public User prepare(String username, String password, String email, Role role) {
        List<FieldProblem> problems = new ArrayList<>(AccountRules.checkUsername("/username", username));
        if (role == Role.API) {
            if (password != null) {
                problems.add(new FieldProblem("/password", "not_allowed",
                        "A service account (role api) has no password; it signs in with API keys."));
            }
        } else {
            problems.addAll(AccountRules.checkPassword("/password", password, username));
        }
        String normalizedEmail = AccountRules.normalizeEmail(email);
        problems.addAll(AccountRules.checkEmail("/email", normalizedEmail));
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        Instant now = clock.instant();
        String hash = role == Role.API ? null : passwords.hash(password);
        return new User(UUID.randomUUID(), AccountRules.normalizeUsername(username), normalizedEmail, hash, role,
                true, 0, null, now, now);
    }

    /** Stores a prepared user; 409 {@code username_taken} when the name is in use. */
    public User insert(User user) {
        try {
            users.insert(user);
            return user;
        } catch (DuplicateKeyException e) {
            throw usernameTaken();
        }
    }

    public static ApiException usernameTaken() {
        return new ApiException(org.springframework.http.HttpStatus.CONFLICT, "username_taken",
                "This username is taken; choose another.",
                List.of(new FieldProblem("/username", "taken", "This username is taken.")));
    }

    /** Checks a new password against the rules (problems located at {@code path}) and hashes it. */
    public String hashNewPassword(String path, String password, String username) {
        List<FieldProblem> problems = AccountRules.checkPassword(path, password, username);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return passwords.hash(password);
    }

    /** Ends every refresh-token family of the user. Access tokens already issued run out on their own. */
    public void revokeSessions(UUID userId) {
        refreshTokens.revokeAllOf(userId, clock.instant());
    }
}
