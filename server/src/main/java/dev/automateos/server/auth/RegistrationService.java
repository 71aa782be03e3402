package dev.automateos.server.auth;

import dev.automateos.server.web.ApiException;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-registration. The first account of an instance becomes its admin; after that,
 * registration is closed unless an admin opens it, and new accounts get the role {@code user}.
 *
 * <p>Race safety: every registration locks the {@code registration_open} settings row, then
 * looks whether any user exists, then inserts, all in one transaction. Two concurrent "first"
 * registrations therefore run one after the other, and the second sees the first's admin.
 */
@Service
class RegistrationService {

    record Status(boolean setupRequired, boolean registrationOpen) {
    }

    private final JdbcUserStore users;
    private final JdbcSystemSettings settings;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;

    RegistrationService(JdbcUserStore users, JdbcSystemSettings settings, Accounts accounts, TransactionTemplate tx,
                        Clock clock) {
        this.users = users;
        this.settings = settings;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
    }

    Status status() {
        boolean setupRequired = !users.anyExists();
        return new Status(setupRequired, setupRequired || isOpen());
    }

    boolean isOpen() {
        return settings.get(JdbcSystemSettings.REGISTRATION_OPEN).map(Boolean::parseBoolean).orElse(false);
    }

    void setOpen(boolean open) {
        settings.put(JdbcSystemSettings.REGISTRATION_OPEN, Boolean.toString(open), clock.instant());
    }

    User register(String username, String password, String email) {
        // Cheap refusal first, so a closed instance does no bcrypt work for strangers.
        if (!status().registrationOpen()) {
            throw closed();
        }
        // Hashing takes a while; do it before taking the lock. The role is decided under the lock.
        User prepared = accounts.prepare(username, password, email, Role.USER);
        return tx.execute(status -> {
            boolean open = settings.getForUpdate(JdbcSystemSettings.REGISTRATION_OPEN).map(Boolean::parseBoolean)
                    .orElse(false);
            boolean first = !users.anyExists();
            if (!first && !open) {
                throw closed();
            }
            User user = first ? prepared.withRole(Role.ADMIN, prepared.createdAt()) : prepared;
            if (users.findByUsername(user.username()).isPresent()) {
                throw Accounts.usernameTaken();
            }
            return accounts.insert(user);
        });
    }

    private static ApiException closed() {
        return new ApiException(HttpStatus.FORBIDDEN, "registration_closed",
                "Registration is closed on this instance; ask an administrator for an account.");
    }
}
