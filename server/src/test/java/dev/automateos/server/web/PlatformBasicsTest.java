package dev.automateos.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.support.ApiTest;
import org.junit.jupiter.api.Test;

class PlatformBasicsTest extends ApiTest {

    @Test
    void healthIsUpWithoutLoggingIn() {
        var response = http.get("/health").send().expectStatus(200);
        assertThat(response.json().path("status").asString()).isEqualTo("UP");
        http.get("/health/readiness").send().expectStatus(200);
        http.get("/health/liveness").send().expectStatus(200);
    }

    @Test
    void everyResponseCarriesARequestId() {
        assertThat(http.get("/health").send().header("X-Request-Id")).isNotBlank();
        assertThat(http.get("/api/v1/nothing").send().header("X-Request-Id")).isNotBlank();
    }

    @Test
    void keepsAPlainCallerRequestIdAndReplacesAHostileOne() {
        assertThat(http.get("/health").header("X-Request-Id", "trace-42").send().header("X-Request-Id"))
                .isEqualTo("trace-42");
        assertThat(http.get("/health").header("X-Request-Id", "a b\tc").send().header("X-Request-Id"))
                .isNotEqualTo("a b\tc");
    }

    @Test
    void unknownApiPathAnswersNotFoundProblemOnceLoggedIn() {
        var user = newUser(Role.USER);
        http.get("/api/v1/nothing-here").token(user.token()).send().expectProblem(404, "not_found");
    }

    @Test
    void missingTokenAnswersUnauthenticatedProblem() {
        http.get("/api/v1/nothing-here").send().expectProblem(401, "unauthenticated");
    }

    @Test
    void tamperedTokenIsRefused() {
        var user = newUser(Role.USER);
        String token = user.token();
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        http.get("/api/v1/nothing-here").token(tampered).send().expectProblem(401, "invalid_token");
        http.get("/api/v1/nothing-here").token("not-a-jwt").send().expectProblem(401, "invalid_token");
    }

    @Test
    void unknownApiKeyIsRefused() {
        http.get("/api/v1/nothing-here").header("X-API-Key", "aos_doesnotexist").send()
                .expectProblem(401, "invalid_api_key");
    }

    @Test
    void rootServesAPlainPage() {
        var response = http.get("/").send().expectStatus(200);
        assertThat(response.text()).contains("AutomateOS");
    }

    @Test
    void openApiDocumentIsServed() {
        var response = http.get("/api/openapi.json").send().expectStatus(200);
        assertThat(response.json().path("openapi").asString()).startsWith("3.1");
        // Served by their own servlet, the webhook URLs are described by hand; they must not go missing.
        assertThat(response.json().path("paths").path("/webhook/{token}").path("post").path("responses").has("202"))
                .isTrue();
        assertThat(response.json().path("paths").has("/webhook-test/{token}")).isTrue();
        assertThat(response.json().path("paths").has("/webhook/u/{username}/{path}")).isTrue();
    }

    @Test
    void metricsAreServedInPrometheusFormat() {
        var response = http.get("/metrics").send().expectStatus(200);
        assertThat(response.text()).contains("jvm_memory_used_bytes");
    }
}
