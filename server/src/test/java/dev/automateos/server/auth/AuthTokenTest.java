package dev.automateos.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthTokenTest extends AuthApiTest {

    private static final String TOKEN = "/api/v1/auth/token";

    @Test
    void passwordGrantWorksAsAnOauth2Form() {
        var user = newUser(Role.USER);
        JsonNode tokens = postForm(TOKEN, "grant_type", "password", "username", user.username(), "password", PASSWORD,
                "client_id", "some-cli").expectStatus(200).json();
        assertThat(tokens.path("access_token").asString()).isNotBlank();
        JsonNode refreshed = postForm(TOKEN, "grant_type", "refresh_token", "refresh_token",
                tokens.path("refresh_token").asString()).expectStatus(200).json();
        assertThat(refreshed.path("user").path("username").asString()).isEqualTo(user.username());
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        var user = newUser(Role.USER);
        JsonNode wrong = login(user.username(), "not the password").expectProblem(401, "invalid_credentials");
        JsonNode unknown = login(uniqueName("nobody"), "not the password").expectProblem(401, "invalid_credentials");
        assertThat(unknown.path("detail").asString()).isEqualTo(wrong.path("detail").asString());
        assertThat(count("refresh_tokens", "user_id = ?", user.id())).isZero();
    }

    @Test
    void serviceAccountsCannotLogInWithAPassword() {
        var service = newUser(Role.API);
        login(service.username(), PASSWORD).expectProblem(401, "invalid_credentials");
        assertThat(count("refresh_tokens", "user_id = ?", service.id())).isZero();
    }

    @Test
    void disabledUserCannotLogInOrRefresh() {
        var user = newUser(Role.USER);
        String refreshToken = login(user.username(), PASSWORD).json().path("refresh_token").asString();
        jdbc.sql("update users set enabled = false where id = ?").param(user.id()).update();
        login(user.username(), PASSWORD).expectProblem(403, "account_disabled");
        refresh(refreshToken).expectProblem(403, "account_disabled");
        // A wrong password still says only "wrong", so "disabled" does not reveal the account.
        login(user.username(), "not the password").expectProblem(401, "invalid_credentials");
    }

    @Test
    void missingOrUnknownGrantTypeIsRefused() {
        http.post(TOKEN).body(Map.of("username", "x", "password", "y")).send()
                .expectFieldError(400, "validation_failed", "/grant_type");
        http.post(TOKEN).body(Map.of("grant_type", "client_credentials")).send()
                .expectFieldError(400, "unsupported_grant_type", "/grant_type");
        postForm(TOKEN, "grant_type", "authorization_code", "code", "abc")
                .expectProblem(400, "unsupported_grant_type");
    }

    @Test
    void grantsNeedTheirFields() {
        JsonNode problem = http.post(TOKEN).body(Map.of("grant_type", "password")).send()
                .expectFieldError(400, "validation_failed", "/username");
        assertThat(problem.path("errors").valueStream().map(e -> e.path("path").asString())).contains("/password");
        postForm(TOKEN, "grant_type", "refresh_token").expectFieldError(400, "validation_failed", "/refresh_token");
    }

    @Test
    void unknownJsonFieldsAndRepeatedOrUrlCredentialsAreRefused() {
        var user = newUser(Role.USER);
        http.post(TOKEN).body(Map.of("grant_type", "password", "username", user.username(), "password", PASSWORD,
                "remember_me", true)).send().expectFieldError(400, "validation_failed", "/remember_me");
        http.post(TOKEN).body("application/x-www-form-urlencoded", "grant_type=password&username=" + user.username()
                + "&username=other&password=" + PASSWORD.replace(' ', '+')).send()
                .expectFieldError(400, "validation_failed", "/username");
        http.post(TOKEN + "?password=" + PASSWORD.replace(' ', '+'))
                .body("application/x-www-form-urlencoded", "grant_type=password&username=" + user.username()).send()
                .expectFieldError(400, "validation_failed", "/password");
        assertThat(count("refresh_tokens", "user_id = ?", user.id())).isZero();
    }

    @Test
    void otherContentTypesAndBrokenBodiesAreRefused() {
        http.post(TOKEN).body("text/plain", "grant_type=password").send().expectProblem(415, "unsupported_media_type");
        http.post(TOKEN).body("{not json").send().expectProblem(400, "malformed_body");
    }

    @Test
    void unknownRefreshTokenIsAnInvalidGrant() {
        refresh("made-up-token").expectProblem(401, "invalid_grant");
    }

    @Test
    void expiredRefreshTokenIsAnInvalidGrant() {
        var user = newUser(Role.USER);
        String refreshToken = login(user.username(), PASSWORD).json().path("refresh_token").asString();
        jdbc.sql("update refresh_tokens set expires_at = created_at where token_hash = ?")
                .param(TokenHashes.sha256(refreshToken)).update();
        refresh(refreshToken).expectProblem(401, "invalid_grant");
    }

    @Test
    void accessTokensAreAcceptedOnTheApi() {
        var user = newUser(Role.USER);
        String access = login(user.username(), PASSWORD).json().path("access_token").asString();
        JsonNode me = http.get("/api/v1/auth/me").token(access).send().expectStatus(200).json();
        assertThat(me.path("id").asString()).isEqualTo(user.id().toString());
    }

    @Test
    void logoutNeedsARefreshToken() {
        http.post("/api/v1/auth/logout").body("{}").send().expectFieldError(400, "validation_failed", "/refresh_token");
        http.post("/api/v1/auth/logout").body(Map.of("refresh_token", "never-issued")).send().expectStatus(204);
    }

    @Test
    void tooManyAttemptsOnOneAccountAreRateLimited() {
        var user = newUser(Role.USER);
        // The default is 10 attempts a minute per account; successes count too.
        for (int i = 0; i < 10; i++) {
            login(user.username(), PASSWORD).expectStatus(200);
        }
        var refused = login(user.username(), PASSWORD);
        refused.expectProblem(429, "rate_limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        // The limit is per account: another user is not affected.
        login(newUser(Role.USER).username(), PASSWORD).expectStatus(200);
        assertThat(count("refresh_tokens", "user_id = ?", user.id())).isEqualTo(10);
    }
}
