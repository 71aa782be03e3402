package dev.automateos.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.server.support.FreshDatabase;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Registration on a database of its own, so "the first user becomes admin" starts from a truly
 * empty users table; the API tests share one database with users in it. The PostgreSQL subclass
 * runs the same tests on a fresh schema.
 */
class RegistrationServiceTest {

    private static final String PASSWORD = "a long enough secret";

    protected JdbcClient jdbc;
    private FreshDatabase database;
    private RegistrationService registration;

    protected FreshDatabase newDatabase() {
        return FreshDatabase.h2();
    }

    @BeforeEach
    void freshDatabase() {
        database = newDatabase();
        jdbc = database.jdbc();
        Clock clock = Clock.systemUTC();
        JdbcUserStore users = new JdbcUserStore(jdbc);
        Accounts accounts = new Accounts(users, new JdbcRefreshTokenStore(jdbc),
                new Passwords(new BCryptPasswordEncoder(4)), clock);
        registration = new RegistrationService(users, new JdbcSystemSettings(jdbc), accounts, database.transactions(),
                clock);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void anEmptyInstanceAsksForSetupAndLetsTheFirstUserRegisterAsAdmin() {
        assertThat(registration.status()).isEqualTo(new RegistrationService.Status(true, true));
        User first = registration.register("Founder", PASSWORD, null);
        assertThat(first.role()).isEqualTo(Role.ADMIN);
        assertThat(first.username()).isEqualTo("founder");
        assertThat(registration.status()).isEqualTo(new RegistrationService.Status(false, false));
    }

    @Test
    void afterTheFirstUserRegistrationIsClosedUntilOpened() {
        registration.register("founder", PASSWORD, null);
        assertThatThrownBy(() -> registration.register("second", PASSWORD, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("registration_closed"));
        assertThat(userCount()).isOne();

        registration.setOpen(true);
        assertThat(registration.status().registrationOpen()).isTrue();
        assertThat(registration.register("second", PASSWORD, "second@example.test").role()).isEqualTo(Role.USER);
        assertThatThrownBy(() -> registration.register("SECOND", PASSWORD, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("username_taken"));
        assertThat(userCount()).isEqualTo(2);
    }

    @Test
    void concurrentFirstRegistrationsMakeExactlyOneAdmin() throws Exception {
        for (int round = 0; round < 5; round++) {
            jdbc.sql("delete from users").update();
            List<Object> outcomes = registerConcurrently(4);
            assertThat(outcomes).filteredOn(o -> o instanceof User u && u.role() == Role.ADMIN).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof String code && code.equals("registration_closed"))
                    .hasSize(3);
            assertThat(jdbc.sql("select count(*) from users where role = 'admin'").query(Long.class).single())
                    .isOne();
            assertThat(userCount()).isOne();
        }
    }

    private List<Object> registerConcurrently(int callers) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String name = "racer-" + i;
            calls.add(() -> {
                start.await();
                try {
                    return registration.register(name, PASSWORD, null);
                } catch (ApiException e) {
                    return e.code();
                }
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<Object>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }

    @Test
    void badInputWritesNothing() {
        assertThatThrownBy(() -> registration.register("x", "short", "nope"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("validation_failed");
                    assertThat(e.errors()).extracting(p -> p.path()).containsExactly("/username", "/password", "/email");
                });
        assertThat(userCount()).isZero();
        assertThat(registration.status().setupRequired()).isTrue();
    }

    private long userCount() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }
}
