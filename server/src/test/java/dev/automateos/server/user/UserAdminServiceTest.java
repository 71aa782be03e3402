package dev.automateos.server.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.server.auth.Accounts;
import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.auth.JdbcRefreshTokenStore;
import dev.automateos.server.auth.JdbcUserStore;
import dev.automateos.server.auth.Passwords;
import dev.automateos.server.auth.Role;
import dev.automateos.server.auth.User;
import dev.automateos.server.support.FreshDatabase;
import dev.automateos.server.user.UserRequests.UpdateUserRequest;
import dev.automateos.server.web.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The last-admin rule on a database of its own: the shared API-test database holds many
 * admins, so "the last one" cannot be reached there.
 */
class UserAdminServiceTest {

    private FreshDatabase database;
    private JdbcUserStore users;
    private Accounts accounts;
    private UserAdminService service;

    protected FreshDatabase newDatabase() {
        return FreshDatabase.h2();
    }

    @BeforeEach
    void freshDatabase() {
        database = newDatabase();
        Clock clock = Clock.systemUTC();
        users = new JdbcUserStore(database.jdbc());
        accounts = new Accounts(users, new JdbcRefreshTokenStore(database.jdbc()),
                new Passwords(new BCryptPasswordEncoder(4)), clock);
        service = new UserAdminService(users, new JdbcUserDirectory(database.jdbc(), database.dialect()), accounts,
                database.transactions(), clock);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private User admin(String name) {
        return accounts.insert(accounts.prepare(name, "a long enough secret", null, Role.ADMIN));
    }

    /** What the caller's (possibly stale) access token says: an admin. */
    private static AuthenticatedUser tokenOf(User user) {
        return new AuthenticatedUser(user.id(), user.username(), Role.ADMIN, Role.ADMIN.sessionScopes(), null);
    }

    private static String code(Throwable e) {
        return ((ApiException) e).code();
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedDisabledOrDeleted() {
        User ada = admin("ada");
        User bob = admin("bob");
        service.update(tokenOf(ada), bob.id(), new UpdateUserRequest(Role.USER, null, null, null));
        // Bob's token was issued while he was an admin, and is still valid for a while.
        assertThatThrownBy(() -> service.update(tokenOf(bob), ada.id(), new UpdateUserRequest(Role.USER, null, null, null)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("last_admin"));
        assertThatThrownBy(() -> service.update(tokenOf(bob), ada.id(), new UpdateUserRequest(null, false, null, null)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("last_admin"));
        assertThatThrownBy(() -> service.delete(tokenOf(bob), ada.id()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("last_admin"));
        User still = users.findById(ada.id()).orElseThrow();
        assertThat(still.role()).isEqualTo(Role.ADMIN);
        assertThat(still.enabled()).isTrue();
    }

    @Test
    void aDisabledAdminDoesNotCountAsTheOneThatRemains() {
        User ada = admin("ada");
        User bob = admin("bob");
        User cid = admin("cid");
        service.update(tokenOf(ada), cid.id(), new UpdateUserRequest(null, false, null, null));
        service.update(tokenOf(ada), bob.id(), new UpdateUserRequest(Role.OBSERVER, null, null, null));
        assertThatThrownBy(() -> service.delete(tokenOf(bob), ada.id()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("last_admin"));
        // Re-enabling cid makes a second admin, and then ada may go.
        service.update(tokenOf(ada), cid.id(), new UpdateUserRequest(null, true, null, null));
        service.delete(tokenOf(cid), ada.id());
        assertThat(users.findById(ada.id())).isEmpty();
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        for (int round = 0; round < 5; round++) {
            database.jdbc().sql("delete from users").update();
            User ada = admin("ada");
            User bob = admin("bob");
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<String>> calls = List.of(
                    () -> demote(start, tokenOf(ada), bob), () -> demote(start, tokenOf(bob), ada));
            List<String> outcomes = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                List<Future<String>> futures = calls.stream().map(pool::submit).toList();
                start.countDown();
                for (Future<String> future : futures) {
                    outcomes.add(future.get());
                }
            }
            assertThat(outcomes).containsExactlyInAnyOrder("ok", "last_admin");
            assertThat(database.jdbc().sql("select count(*) from users where role = 'admin'").query(Long.class)
                    .single()).isOne();
        }
    }

    private String demote(CountDownLatch start, AuthenticatedUser me, User target) throws InterruptedException {
        start.await();
        try {
            service.update(me, target.id(), new UpdateUserRequest(Role.USER, null, null, null));
            return "ok";
        } catch (ApiException e) {
            return e.code();
        }
    }
}
