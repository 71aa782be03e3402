package dev.automateos.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole life of an account through the API. The "first user becomes admin" step needs an
 * empty users table, which this shared database cannot promise; RegistrationServiceTest covers
 * it on a fresh database of its own.
 */
class AuthFlowTest extends AuthApiTest {

    @AfterEach
    void closeRegistration() {
        setRegistrationOpen(false);
    }

    @Test
    void accountLivesFromRegistrationThroughRotationReuseAndLogout() {
        var admin = newUser(Role.ADMIN);
        JsonNode status = http.get("/api/v1/auth/status").send().expectStatus(200).json();
        assertThat(status.path("setup_required").asBoolean()).isFalse();
        assertThat(status.path("registration_open").asBoolean()).isFalse();

        String username = uniqueName("Flow.User");
        Map<String, String> registration = Map.of("username", username, "password", "a long enough secret",
                "email", "flow@example.test");
        http.post("/api/v1/auth/register").body(registration).send().expectProblem(403, "registration_closed");
        assertThat(count("users", "username = ?", username.toLowerCase())).isZero();

        http.put("/api/v1/system/registration").token(admin.token()).body(Map.of("open", true)).send()
                .expectStatus(200);
        assertThat(http.get("/api/v1/system/registration").token(admin.token()).send().json().path("open")
                .asBoolean()).isTrue();
        assertThat(http.get("/api/v1/auth/status").send().json().path("registration_open").asBoolean()).isTrue();

        JsonNode created = http.post("/api/v1/auth/register").body(registration).send().expectStatus(201).json();
        assertThat(created.path("username").asString()).isEqualTo(username.toLowerCase());
        assertThat(created.path("role").asString()).isEqualTo("user");
        assertThat(created.path("email").asString()).isEqualTo("flow@example.test");
        assertThat(created.path("enabled").asBoolean()).isTrue();
        assertThat(created.has("password_hash")).isFalse();
        assertThat(created.path("created_at").asString()).isNotBlank();

        JsonNode tokens = login(username.toUpperCase(), "a long enough secret").expectStatus(200).json();
        assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asLong()).isEqualTo(900);
        assertThat(tokens.path("refresh_expires_in").asLong()).isEqualTo(30 * 24 * 3600);
        assertThat(tokens.path("scope").asString()).isEqualTo("read write execute");
        assertThat(tokens.path("user").path("id").asString()).isEqualTo(created.path("id").asString());

        JsonNode me = http.get("/api/v1/auth/me").token(tokens.path("access_token").asString()).send()
                .expectStatus(200).json();
        assertThat(me.path("username").asString()).isEqualTo(username.toLowerCase());
        assertThat(me.path("auth").asString()).isEqualTo("session");
        assertThat(me.path("scopes").valueStream().map(JsonNode::asString)).containsExactly("read", "write", "execute");

        String first = tokens.path("refresh_token").asString();
        JsonNode rotated = refresh(first).expectStatus(200).json();
        String second = rotated.path("refresh_token").asString();
        assertThat(second).isNotEqualTo(first);
        http.get("/api/v1/auth/me").token(rotated.path("access_token").asString()).send().expectStatus(200);

        // The first token again: someone else holds a copy, so the whole family dies, second included.
        refresh(first).expectProblem(401, "invalid_grant");
        refresh(second).expectProblem(401, "invalid_grant");

        // A new log-in is a new family; log-out ends it, and does so again without complaint.
        String third = login(username, "a long enough secret").expectStatus(200).json().path("refresh_token").asString();
        http.post("/api/v1/auth/logout").body(Map.of("refresh_token", third)).send().expectStatus(204);
        http.post("/api/v1/auth/logout").body(Map.of("refresh_token", third)).send().expectStatus(204);
        refresh(third).expectProblem(401, "invalid_grant");
    }

    @Test
    void refreshTokensAreStoredOnlyAsHashes() {
        var user = newUser(Role.USER);
        String refreshToken = login(user.username(), PASSWORD).expectStatus(200).json().path("refresh_token").asString();
        assertThat(count("refresh_tokens", "token_hash = ?", refreshToken)).isZero();
        assertThat(count("refresh_tokens", "token_hash = ?", TokenHashes.sha256(refreshToken))).isOne();
    }

    @Test
    void tokenResponseIsNotCacheable() {
        var user = newUser(Role.USER);
        var response = login(user.username(), PASSWORD).expectStatus(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    @Test
    void observerSessionHoldsOnlyTheReadScope() {
        var observer = newUser(Role.OBSERVER);
        JsonNode tokens = login(observer.username(), PASSWORD).expectStatus(200).json();
        assertThat(tokens.path("scope").asString()).isEqualTo("read");
    }

    @Test
    void changingThePasswordRevokesRefreshTokensAndTheNewOneWorks() {
        var user = newUser(Role.USER);
        String refreshToken = login(user.username(), PASSWORD).json().path("refresh_token").asString();
        http.put("/api/v1/auth/me/password").token(user.token())
                .body(Map.of("current_password", PASSWORD, "new_password", "another fine passphrase")).send()
                .expectStatus(204);
        refresh(refreshToken).expectProblem(401, "invalid_grant");
        login(user.username(), PASSWORD).expectProblem(401, "invalid_credentials");
        login(user.username(), "another fine passphrase").expectStatus(200);
    }

    @Test
    void passwordChangeRefusesAWrongCurrentPasswordOrAWeakNewOne() {
        var user = newUser(Role.USER);
        String hashBefore = passwordHash(user.username());
        http.put("/api/v1/auth/me/password").token(user.token())
                .body(Map.of("current_password", "not my password", "new_password", "another fine passphrase"))
                .send().expectFieldError(400, "validation_failed", "/current_password");
        http.put("/api/v1/auth/me/password").token(user.token())
                .body(Map.of("current_password", PASSWORD, "new_password", "short")).send()
                .expectFieldError(400, "validation_failed", "/new_password");
        http.put("/api/v1/auth/me/password").token(user.token())
                .body(Map.of("current_password", PASSWORD)).send()
                .expectFieldError(400, "validation_failed", "/new_password");
        assertThat(passwordHash(user.username())).isEqualTo(hashBefore);
    }

    @Test
    void meNeedsALogIn() {
        http.get("/api/v1/auth/me").send().expectProblem(401, "unauthenticated");
    }

    @Test
    void registrationSettingIsForAdminsOnlyAndChecksItsBody() {
        var user = newUser(Role.USER);
        var admin = newUser(Role.ADMIN);
        http.put("/api/v1/system/registration").token(user.token()).body(Map.of("open", true)).send()
                .expectProblem(403, "forbidden");
        http.put("/api/v1/system/registration").token(admin.token()).body("{}").send()
                .expectFieldError(400, "validation_failed", "/open");
        http.put("/api/v1/system/registration").token(admin.token()).body("{\"open\": \"yes\"}").send()
                .expectFieldError(400, "validation_failed", "/open");
        assertThat(http.get("/api/v1/system/registration").token(admin.token()).send().json().path("open")
                .asBoolean()).isFalse();
    }

    private String passwordHash(String username) {
        return jdbc.sql("select password_hash from users where username = ?").param(username).query(String.class)
                .single();
    }
}
