package dev.automateos.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthLockoutTest extends AuthApiTest {

    @Test
    void fiveFailuresLockTheAccountAndSayUntilWhen() {
        var user = newUser(Role.USER);
        for (int i = 0; i < 4; i++) {
            login(user.username(), "wrong password " + i).expectProblem(401, "invalid_credentials");
        }
        Instant before = Instant.now();
        var locking = login(user.username(), "wrong password 5");
        JsonNode problem = locking.expectProblem(423, "account_locked");
        Instant until = Instant.parse(problem.path("locked_until").asString());
        assertThat(until).isBetween(before.plus(14, ChronoUnit.MINUTES), before.plus(16, ChronoUnit.MINUTES));
        assertThat(problem.path("detail").asString()).contains(until.toString());
        assertThat(Long.parseLong(locking.header("Retry-After"))).isBetween(14 * 60L, 15 * 60L);

        // Even the right password is refused while locked, and no session is made.
        login(user.username(), PASSWORD).expectProblem(423, "account_locked");
        assertThat(count("refresh_tokens", "user_id = ?", user.id())).isZero();
        assertThat(count("users", "id = ? and locked_until is not null", user.id())).isOne();
    }

    @Test
    void lockRunsOutAndTheOwnerGetsFreshAttempts() {
        var user = newUser(Role.USER);
        for (int i = 0; i < 5; i++) {
            login(user.username(), "wrong password").expectStatus(i < 4 ? 401 : 423);
        }
        jdbc.sql("update users set locked_until = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), user.id()).update();
        login(user.username(), "wrong password").expectProblem(401, "invalid_credentials");
        login(user.username(), PASSWORD).expectStatus(200);
        assertThat(count("users", "id = ? and failed_logins = 0 and locked_until is null", user.id())).isOne();
    }

    @Test
    void successResetsTheFailureCount() {
        var user = newUser(Role.USER);
        for (int i = 0; i < 4; i++) {
            login(user.username(), "wrong password").expectProblem(401, "invalid_credentials");
        }
        login(user.username(), PASSWORD).expectStatus(200);
        for (int i = 0; i < 4; i++) {
            login(user.username(), "wrong password").expectProblem(401, "invalid_credentials");
        }
        assertThat(count("users", "id = ? and failed_logins = 4 and locked_until is null", user.id())).isOne();
    }

    @Test
    void failuresOnUnknownUsersLockNothing() {
        String nobody = uniqueName("nobody");
        for (int i = 0; i < 6; i++) {
            login(nobody, "wrong password").expectProblem(401, "invalid_credentials");
        }
        assertThat(count("users", "username = ?", nobody)).isZero();
    }
}
