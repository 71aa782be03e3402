package dev.automateos.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.support.ApiTest;
import dev.automateos.server.support.TestResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Client mistakes that every endpoint shares answer 4xx problems and write nothing. */
class RequestErrorsTest extends ApiTest {

    private static final String CREDENTIALS = "/api/v1/credentials";

    @Autowired
    private JdbcClient jdbc;

    private TestUser user;

    @BeforeEach
    void logIn() {
        user = newUser(Role.USER);
    }

    private long credentialCount() {
        return jdbc.sql("select count(*) from credentials where owner_id = ?").param(user.id()).query(Long.class)
                .single();
    }

    @Test
    void malformedJsonIsABadRequestWithItsPosition() {
        JsonNode problem = http.post(CREDENTIALS).token(user.token()).body("{\"name\": \"x\",").send()
                .expectProblem(400, "malformed_body");
        assertThat(problem.path("detail").asString()).contains("line 1");
        assertThat(credentialCount()).isZero();
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        http.post(CREDENTIALS).token(user.token()).body("{\"name\": [1, 2], \"type\": \"basic_auth\", \"data\": {}}")
                .send().expectFieldError(400, "validation_failed", "/name");
        assertThat(credentialCount()).isZero();
    }

    @Test
    void anUnknownFieldIsRefusedWithItsPath() {
        JsonNode problem = http.post(CREDENTIALS).token(user.token())
                .body("{\"name\": \"x\", \"type\": \"basic_auth\", \"data\": {}, \"colour\": \"blue\"}").send()
                .expectFieldError(400, "validation_failed", "/colour");
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("unknown_field");
        assertThat(credentialCount()).isZero();
    }

    @Test
    void aMissingBodyIsABadRequest() {
        http.post(CREDENTIALS).token(user.token()).header("Content-Type", "application/json").send()
                .expectProblem(400, "malformed_body");
    }

    @Test
    void aMalformedUuidInThePathIsABadRequest() {
        http.get("/api/v1/workflows/not-a-uuid").token(user.token()).send()
                .expectFieldError(400, "validation_failed", "id");
        http.delete("/api/v1/credentials/123").token(user.token()).send()
                .expectFieldError(400, "validation_failed", "id");
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() {
        String big = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        http.post(CREDENTIALS).token(user.token()).body(big).send().expectProblem(413, "body_too_large");
        assertThat(credentialCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {CREDENTIALS, "/api/v1/workflows", "/api/v1/auth/token"})
    void aChunkedBodyThatGrowsPastTheLimitIsRefused(String path) throws Exception {
        byte[] big = ("{\"name\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                // An input stream has no known length, so the client sends it chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        new TestResponse(response.statusCode(), response.headers(), response.body())
                .expectProblem(413, "body_too_large");
        assertThat(credentialCount()).isZero();
    }

    @Test
    void aWrongMethodAnswersMethodNotAllowedWithTheAllowedOnes() {
        TestResponse response = http.call("PATCH", CREDENTIALS).token(user.token()).body("{}").send();
        response.expectProblem(405, "method_not_allowed");
        assertThat(response.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void anUnsupportedContentTypeIsRefused() {
        http.post(CREDENTIALS).token(user.token()).body("text/plain", "name=x").send()
                .expectProblem(415, "unsupported_media_type");
        assertThat(credentialCount()).isZero();
    }

    @Test
    void anOutOfRangeLimitOrAlteredCursorIsABadRequest() {
        http.get(CREDENTIALS + "?limit=0").token(user.token()).send()
                .expectFieldError(400, "validation_failed", "limit");
        http.get(CREDENTIALS + "?limit=abc").token(user.token()).send()
                .expectFieldError(400, "validation_failed", "limit");
        http.get(CREDENTIALS + "?cursor=%21%21garbage").token(user.token()).send()
                .expectFieldError(400, "validation_failed", "cursor");
    }
}
