package dev.automateos.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.support.ApiTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class UserAdminApiTest extends ApiTest {

    private static final String USERS = "/api/v1/users";
    private static final String GOOD_PASSWORD = "a long enough secret";

    @Autowired
    JdbcClient jdbc;

    private static String unique(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long usersNamed(String username) {
        return jdbc.sql("select count(*) from users where username = ?").param(username.toLowerCase())
                .query(Long.class).single();
    }

    private JsonNode login(String username, String password, int status) {
        var response = http.post("/api/v1/auth/token")
                .body(Map.of("grant_type", "password", "username", username, "password", password)).send();
        response.expectStatus(status);
        return response.json();
    }

    @Test
    void adminCreatesFindsAndListsUsers() {
        var admin = newUser(Role.ADMIN);
        String name = unique("Created");
        JsonNode created = http.post(USERS).token(admin.token())
                .body(Map.of("username", name, "password", GOOD_PASSWORD, "email", "c@example.test", "role", "observer"))
                .send().expectStatus(201).json();
        assertThat(created.path("role").asString()).isEqualTo("observer");
        assertThat(created.path("username").asString()).isEqualTo(name.toLowerCase());
        String id = created.path("id").asString();
        assertThat(http.get(USERS + "/" + id).token(admin.token()).send().expectStatus(200).json().path("username")
                .asString()).isEqualTo(name.toLowerCase());

        JsonNode found = http.get(USERS + "?q=" + name.toUpperCase() + "&role=observer").token(admin.token()).send()
                .expectStatus(200).json();
        assertThat(found.path("items")).hasSize(1);
        assertThat(found.path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(http.get(USERS + "?q=" + name + "&role=user").token(admin.token()).send().json().path("items"))
                .isEmpty();
        login(name, GOOD_PASSWORD, 200);
    }

    @Test
    void listPagesNewestFirst() {
        var admin = newUser(Role.ADMIN);
        String stem = unique("pager");
        for (int i = 0; i < 3; i++) {
            http.post(USERS).token(admin.token()).body(Map.of("username", stem + "-" + i, "role", "api")).send()
                    .expectStatus(201);
        }
        JsonNode first = http.get(USERS + "?limit=2&q=" + stem).token(admin.token()).send().expectStatus(200).json();
        assertThat(first.path("items").valueStream().map(u -> u.path("username").asString()))
                .containsExactly(stem + "-2", stem + "-1");
        JsonNode second = http.get(USERS + "?limit=2&q=" + stem + "&cursor=" + first.path("next_cursor").asString())
                .token(admin.token()).send().expectStatus(200).json();
        assertThat(second.path("items").valueStream().map(u -> u.path("username").asString()))
                .containsExactly(stem + "-0");
    }

    @Test
    void serviceAccountsHaveNoPasswordAndOthersNeedOne() {
        var admin = newUser(Role.ADMIN);
        String service = unique("bot");
        http.post(USERS).token(admin.token()).body(Map.of("username", service, "role", "api")).send().expectStatus(201);
        String withPassword = unique("bot");
        http.post(USERS).token(admin.token()).body(Map.of("username", withPassword, "role", "api",
                "password", GOOD_PASSWORD)).send().expectFieldError(400, "validation_failed", "/password");
        String person = unique("person");
        http.post(USERS).token(admin.token()).body(Map.of("username", person, "role", "user")).send()
                .expectFieldError(400, "validation_failed", "/password");
        assertThat(usersNamed(withPassword) + usersNamed(person)).isZero();
        assertThat(usersNamed(service)).isOne();
    }

    @Test
    void badUserRequestsAreRefusedAndWriteNothing() {
        var admin = newUser(Role.ADMIN);
        String name = unique("bad");
        http.post(USERS).token(admin.token()).body(Map.of("username", name, "password", GOOD_PASSWORD)).send()
                .expectFieldError(400, "validation_failed", "/role");
        http.post(USERS).token(admin.token()).body(Map.of("username", name, "password", GOOD_PASSWORD,
                "role", "superuser")).send().expectFieldError(400, "validation_failed", "/role");
        http.post(USERS).token(admin.token()).body(Map.of("username", "no", "password", GOOD_PASSWORD,
                "role", "user")).send().expectFieldError(400, "validation_failed", "/username");
        http.post(USERS).token(admin.token()).body(Map.of("username", name, "password", GOOD_PASSWORD,
                "role", "user", "email", "nope")).send().expectFieldError(400, "validation_failed", "/email");
        http.post(USERS).token(admin.token()).body(Map.of("username", name, "password", name + "-and-more",
                "role", "user")).send().expectFieldError(400, "validation_failed", "/password");
        assertThat(usersNamed(name)).isZero();

        http.post(USERS).token(admin.token()).body(Map.of("username", admin.username().toUpperCase(),
                "password", GOOD_PASSWORD, "role", "user")).send().expectFieldError(409, "username_taken", "/username");
        http.get(USERS + "?role=wizard").token(admin.token()).send().expectFieldError(400, "validation_failed", "role");
        http.get(USERS + "?q=" + "x".repeat(101)).token(admin.token()).send()
                .expectFieldError(400, "validation_failed", "q");
        http.get(USERS + "/" + UUID.randomUUID()).token(admin.token()).send().expectProblem(404, "not_found");
        http.get(USERS + "/not-a-uuid").token(admin.token()).send().expectProblem(400, "validation_failed");
    }

    @Test
    void onlyAdminsManageUsers() {
        var user = newUser(Role.USER);
        var observer = newUser(Role.OBSERVER);
        http.get(USERS).token(user.token()).send().expectProblem(403, "forbidden");
        http.get(USERS).token(observer.token()).send().expectProblem(403, "forbidden");
        String name = unique("sneaky");
        http.post(USERS).token(user.token()).body(Map.of("username", name, "password", GOOD_PASSWORD, "role", "admin"))
                .send().expectProblem(403, "forbidden");
        http.patch(USERS + "/" + user.id()).token(user.token()).body(Map.of("role", "admin")).send()
                .expectProblem(403, "forbidden");
        assertThat(usersNamed(name)).isZero();
    }

    @Test
    void disablingEndsSessionsAndStopsLogIns() {
        var admin = newUser(Role.ADMIN);
        var user = newUser(Role.USER);
        String refreshToken = login(user.username(), PASSWORD, 200).path("refresh_token").asString();
        JsonNode patched = http.patch(USERS + "/" + user.id()).token(admin.token()).body(Map.of("enabled", false))
                .send().expectStatus(200).json();
        assertThat(patched.path("enabled").asBoolean()).isFalse();
        http.post("/api/v1/auth/token").body(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))
                .send().expectProblem(401, "invalid_grant");
        login(user.username(), PASSWORD, 403);
        http.patch(USERS + "/" + user.id()).token(admin.token()).body(Map.of("enabled", true)).send().expectStatus(200);
        login(user.username(), PASSWORD, 200);
    }

    @Test
    void adminSetsANewPasswordAndEmailAndRole() {
        var admin = newUser(Role.ADMIN);
        var user = newUser(Role.USER);
        String refreshToken = login(user.username(), PASSWORD, 200).path("refresh_token").asString();
        JsonNode patched = http.patch(USERS + "/" + user.id()).token(admin.token())
                .body(Map.of("password", "reset by the admin", "email", "new@example.test", "role", "observer"))
                .send().expectStatus(200).json();
        assertThat(patched.path("email").asString()).isEqualTo("new@example.test");
        assertThat(patched.path("role").asString()).isEqualTo("observer");
        http.post("/api/v1/auth/token").body(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))
                .send().expectProblem(401, "invalid_grant");
        assertThat(login(user.username(), "reset by the admin", 200).path("scope").asString()).isEqualTo("read");

        JsonNode cleared = http.patch(USERS + "/" + user.id()).token(admin.token()).body(Map.of("email", "")).send()
                .expectStatus(200).json();
        assertThat(cleared.has("email")).isFalse();
    }

    @Test
    void badPatchesAreRefusedAndChangeNothing() {
        var admin = newUser(Role.ADMIN);
        var user = newUser(Role.USER);
        http.patch(USERS + "/" + user.id()).token(admin.token()).body(Map.of("password", "short")).send()
                .expectFieldError(400, "validation_failed", "/password");
        http.patch(USERS + "/" + user.id()).token(admin.token()).body(Map.of("email", "nope", "role", "admin")).send()
                .expectFieldError(400, "validation_failed", "/email");
        http.patch(USERS + "/" + user.id()).token(admin.token()).body(Map.of("role", "api", "password", GOOD_PASSWORD))
                .send().expectFieldError(400, "validation_failed", "/password");
        http.patch(USERS + "/" + user.id()).token(admin.token()).body(Map.of("enabled", "maybe")).send()
                .expectFieldError(400, "validation_failed", "/enabled");
        http.patch(USERS + "/" + UUID.randomUUID()).token(admin.token()).body(Map.of("enabled", false)).send()
                .expectProblem(404, "not_found");
        JsonNode unchanged = http.get(USERS + "/" + user.id()).token(admin.token()).send().json();
        assertThat(unchanged.path("role").asString()).isEqualTo("user");
        assertThat(unchanged.path("enabled").asBoolean()).isTrue();
        assertThat(unchanged.path("email").asString()).isEqualTo(user.username() + "@example.test");
        login(user.username(), PASSWORD, 200);
    }

    @Test
    void serviceAccountNeedsAPasswordToBecomeAPerson() {
        var admin = newUser(Role.ADMIN);
        var bot = newUser(Role.API);
        http.patch(USERS + "/" + bot.id()).token(admin.token()).body(Map.of("role", "api")).send().expectStatus(200);
        http.patch(USERS + "/" + bot.id()).token(admin.token()).body(Map.of("role", "user")).send()
                .expectFieldError(400, "validation_failed", "/password");
        Map<String, Object> body = new HashMap<>(Map.of("role", "user", "password", GOOD_PASSWORD));
        http.patch(USERS + "/" + bot.id()).token(admin.token()).body(body).send().expectStatus(200);
        login(bot.username(), GOOD_PASSWORD, 200);
    }

    @Test
    void adminCannotDemoteDisableOrDeleteThemself() {
        var admin = newUser(Role.ADMIN);
        String path = USERS + "/" + admin.id();
        http.patch(path).token(admin.token()).body(Map.of("role", "user")).send().expectProblem(409, "cannot_modify_self");
        http.patch(path).token(admin.token()).body(Map.of("enabled", false)).send()
                .expectProblem(409, "cannot_modify_self");
        http.delete(path).token(admin.token()).send().expectProblem(409, "cannot_modify_self");
        JsonNode still = http.get(path).token(admin.token()).send().expectStatus(200).json();
        assertThat(still.path("role").asString()).isEqualTo("admin");
        assertThat(still.path("enabled").asBoolean()).isTrue();
        // Changing one's own email is fine.
        http.patch(path).token(admin.token()).body(Map.of("email", "me@example.test")).send().expectStatus(200);
    }

    @Test
    void deletingAUserTakesTheirKeysAndSessions() {
        var admin = newUser(Role.ADMIN);
        var user = newUser(Role.USER);
        login(user.username(), PASSWORD, 200);
        String key = http.post("/api/v1/api-keys").token(user.token())
                .body(Map.of("name", "k", "scopes", java.util.List.of("read"))).send().expectStatus(201).json()
                .path("key").asString();
        http.delete(USERS + "/" + user.id()).token(admin.token()).send().expectStatus(204);
        http.get(USERS + "/" + user.id()).token(admin.token()).send().expectProblem(404, "not_found");
        http.delete(USERS + "/" + user.id()).token(admin.token()).send().expectProblem(404, "not_found");
        http.get("/api/v1/auth/me").token(key).send().expectProblem(401, "invalid_api_key");
        assertThat(jdbc.sql("select count(*) from refresh_tokens where user_id = ?").param(user.id())
                .query(Long.class).single()).isZero();
        // The deleted user's access token still verifies, but names no account any more.
        http.get("/api/v1/auth/me").token(user.token()).send().expectProblem(401, "invalid_token");
    }
}
