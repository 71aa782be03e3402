package dev.automateos.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** A response with the assertions API tests repeat: status, problem code and field paths. */
public record TestResponse(int status, HttpHeaders headers, String text) {

    public JsonNode json() {
        return TestHttp.parse(text);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public TestResponse expectStatus(int expected) {
        assertThat(status).as("status of response: %s", text).isEqualTo(expected);
        return this;
    }

    /** Asserts an RFC 9457 problem with this status and code, carrying the request id. */
    public JsonNode expectProblem(int expectedStatus, String expectedCode) {
        expectStatus(expectedStatus);
        assertThat(header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json();
        assertThat(problem.path("code").asString()).as("problem code in %s", text).isEqualTo(expectedCode);
        assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
        assertThat(problem.path("request_id").asString()).isNotBlank().isEqualTo(header("X-Request-Id"));
        assertThat(problem.path("detail").asString()).isNotBlank();
        return problem;
    }

    /** Asserts a validation problem that names {@code path} among its errors. */
    public JsonNode expectFieldError(int expectedStatus, String expectedCode, String path) {
        JsonNode problem = expectProblem(expectedStatus, expectedCode);
        assertThat(problem.path("errors").valueStream().map(e -> e.path("path").asString()))
                .as("error paths in %s", text).contains(path);
        return problem;
    }
}
