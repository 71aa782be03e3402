package dev.automateos.server.user;

import dev.automateos.server.auth.AccountRules;
import dev.automateos.server.auth.Accounts;
import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.auth.JdbcUserStore;
import dev.automateos.server.auth.Role;
import dev.automateos.server.auth.User;
import dev.automateos.server.user.UserRequests.CreateUserRequest;
import dev.automateos.server.user.UserRequests.UpdateUserRequest;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.FieldProblem;
import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * User administration. An instance always keeps one enabled admin: no change may demote,
 * disable or delete the last one, and no admin may do any of that to their own account.
 * Disabling, a new password or a new role ends the user's sessions.
 */
@Service
class UserAdminService {

    private final JdbcUserStore users;
    private final JdbcUserDirectory directory;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;

    UserAdminService(JdbcUserStore users, JdbcUserDirectory directory, Accounts accounts, TransactionTemplate tx,
                     Clock clock) {
        this.users = users;
        this.directory = directory;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
    }

    Page<User> list(String role, String q, PageRequest page) {
        if (q != null && q.length() > 100) {
            throw ApiException.invalidField("q", "too_long", "q has at most 100 characters.");
        }
        return directory.list(role == null || role.isBlank() ? null : parseRole(role), q, page);
    }

    User create(CreateUserRequest request) {
        if (request.role() == null) {
            throw ApiException.invalidField("/role", "required", "Choose a role: admin, user, observer or api.");
        }
        return accounts.insert(accounts.prepare(request.username(), request.password(), request.email(),
                request.role()));
    }

    User get(UUID id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("The user"));
    }

    User update(AuthenticatedUser me, UUID id, UpdateUserRequest request) {
        User before = get(id);
        User changed = apply(before, request);
        boolean losesAdmin = isActiveAdmin(before) && !isActiveAdmin(changed);
        tx.executeWithoutResult(status -> {
            if (losesAdmin) {
                guardAdminRemoval(me, id);
            }
            if (!users.update(changed)) {
                throw ApiException.notFound("The user");
            }
            if (!changed.enabled() || changed.role() != before.role() || request.password() != null) {
                accounts.revokeSessions(id);
            }
        });
        return changed;
    }

    void delete(AuthenticatedUser me, UUID id) {
        User user = get(id);
        tx.executeWithoutResult(status -> {
            if (me.id().equals(id) || isActiveAdmin(user)) {
                guardAdminRemoval(me, id);
            }
            // Refresh tokens and API keys go with the row (ON DELETE CASCADE).
            if (!users.delete(id)) {
                throw ApiException.notFound("The user");
            }
        });
    }

    /** Checks and hashes everything before the transaction, so no lock waits on bcrypt. */
    private User apply(User user, UpdateUserRequest request) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        Role role = request.role() != null ? request.role() : user.role();
        if (request.email() != null) {
            problems.addAll(AccountRules.checkEmail("/email", AccountRules.normalizeEmail(request.email())));
        }
        if (role == Role.API && request.password() != null) {
            problems.add(new FieldProblem("/password", "not_allowed",
                    "A service account (role api) has no password; it signs in with API keys."));
        } else if (role != Role.API && user.passwordHash() == null && request.password() == null) {
            problems.add(new FieldProblem("/password", "required",
                    "This account has no password yet; set one when giving it the role " + role.wireName() + "."));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        User changed = user.withRole(role, now);
        if (request.enabled() != null) {
            changed = changed.withEnabled(request.enabled(), now);
        }
        if (request.email() != null) {
            changed = changed.withEmail(AccountRules.normalizeEmail(request.email()), now);
        }
        if (role == Role.API) {
            changed = changed.withPasswordHash(null, now);
        } else if (request.password() != null) {
            changed = changed.withPasswordHash(accounts.hashNewPassword("/password", request.password(),
                    user.username()), now);
        }
        return changed;
    }

    private void guardAdminRemoval(AuthenticatedUser me, UUID id) {
        if (me.id().equals(id)) {
            throw ApiException.conflict("cannot_modify_self", "You cannot demote, disable or delete your own "
                    + "account; ask another admin.");
        }
        List<UUID> admins = directory.lockActiveAdmins();
        if (admins.contains(id) && admins.size() <= 1) {
            throw ApiException.conflict("last_admin", "This is the last enabled admin; make another user admin first.");
        }
    }

    private static boolean isActiveAdmin(User user) {
        return user.role() == Role.ADMIN && user.enabled();
    }

    private static Role parseRole(String role) {
        try {
            return Role.fromWire(role);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("role", "invalid_value", "role must be admin, user, observer or api.");
        }
    }
}
