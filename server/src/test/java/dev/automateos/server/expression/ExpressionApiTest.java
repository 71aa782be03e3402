package dev.automateos.server.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExpressionApiTest extends ApiTest {

    private static final String EVALUATE = "/api/v1/expressions/evaluate";

    @Test
    void aTemplateThatIsOneExpressionKeepsItsJsonType() {
        var user = newUser(Role.USER);
        JsonNode result = http.post(EVALUATE).token(user.token())
                .body(Map.of("template", "{{ $trigger.body.items[price > 5].name }}",
                        "sample", Map.of("trigger", Map.of("body", Map.of("items", java.util.List.of(
                                Map.of("name", "cheap", "price", 1), Map.of("name", "dear", "price", 9),
                                Map.of("name", "dearer", "price", 12)))))))
                .send().expectStatus(200).json();
        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("value").isArray()).isTrue();
        assertThat(result.path("value").toString()).isEqualTo("[\"dear\",\"dearer\"]");
    }

    @Test
    void aTextTemplateSplicesValues() {
        var user = newUser(Role.USER);
        JsonNode result = http.post(EVALUATE).token(user.token())
                .body(Map.of("template", "Hello {{ $input.name }}!", "sample", Map.of("input", Map.of("name", "Ada"))))
                .send().expectStatus(200).json();
        assertThat(result.path("value").asString()).isEqualTo("Hello Ada!");
    }

    @Test
    void aSyntaxErrorIsDescribedWithItsPosition() {
        var user = newUser(Role.OBSERVER);
        JsonNode result = http.post(EVALUATE).token(user.token()).body(Map.of("template", "{{ $input.( }}")).send()
                .expectStatus(200).json();
        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("error").path("message").asString()).isNotBlank();
        assertThat(result.path("error").path("position").asInt()).isPositive();
    }

    @Test
    void aRunawayExpressionIsCutOff() {
        var user = newUser(Role.USER);
        long started = System.nanoTime();
        JsonNode result = http.post(EVALUATE).token(user.token())
                .body(Map.of("template", "{{ $sum([1..100000000]) }}")).send().expectStatus(200).json();
        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void aMissingTemplateIsAValidationError() {
        var user = newUser(Role.USER);
        http.post(EVALUATE).token(user.token()).body(Map.of("sample", Map.of())).send()
                .expectFieldError(400, "validation_failed", "/template");
    }
}
