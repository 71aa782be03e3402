package dev.automateos.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.workflow.WorkflowFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Patterns that make a backtracking engine run practically forever ({@code java.util.regex} needs
 * about 2^n steps for them on these inputs) give their answers, and do not use up the evaluation
 * pool. Not timed: the JUnit timeout is only a guard, far above what linear matching needs on a busy
 * machine.
 */
@Timeout(30)
class RegexLinearTimeTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final String AS = "a".repeat(40) + "!";
    private static final String XS = "x".repeat(40);

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void matchesNestedQuantifiersWithoutBacktracking() {
        assertThat(render("$match($input.as, /(a+)+$/)").isNull()).isTrue();
        assertThat(render("$match($input.xs, /(x+x+)+y/)").isNull()).isTrue();
        assertThat(render("$match($substring($input.as, 0, 40), /(a|aa)+$/).match").stringValue()).isEqualTo("a".repeat(40));
    }

    @Test
    void replacesSplitsAndTestsWithNestedQuantifiers() {
        assertThat(render("$replace($input.as, /(a+)+$/, 'X')").stringValue()).isEqualTo(AS);
        assertThat(render("$replace($input.as, /(a|aa)+!$/, 'X')").stringValue()).isEqualTo("X");
        assertThat(render("$split($input.xs, /(x+x+)+y/)").toString()).isEqualTo("[\"" + XS + "\"]");
        assertThat(render("$split($input.as, /(a|aa)+$/)").toString()).isEqualTo("[\"" + AS + "\"]");
        assertThat(render("$contains($input.as, /(a+)+$/)").booleanValue()).isFalse();
        assertThat(render("$contains($input.xs, /(x+x+)+y/)").booleanValue()).isFalse();
    }

    @Test
    void appliesANestedQuantifierRegexAsAFunction() {
        assertThat(render("/(a+)+$/($input.as)").isNull()).isTrue();
        assertThat(render("[$input.as, $input.xs][$ ~> /(x+x+)+y/]").isNull()).isTrue();
        assertThat(render("($r := /(a|aa)+$/; $r($input.as))").isNull()).isTrue();
    }

    @Test
    void manyPathologicalEvaluationsInARowLeaveThePoolFree() {
        String[] expressions = {
            "$match($input.as, /(a+)+$/)", "$contains($input.as, /(a|aa)+$/)",
            "$replace($input.xs, /(x+x+)+y/, '-')", "$split($input.as, /(a+)+$/)", "/(a|aa)+$/($input.as)"};
        for (int i = 0; i < 20; i++) {
            render(expressions[i % expressions.length]);
        }

        assertThat(render("$map([1, 2, 3], function($x) { $x * 2 }) ~> $sum()").intValue()).isEqualTo(12);
        assertThat(render("$uppercase($match('ok', /o(k)/).groups[0])").stringValue()).isEqualTo("K");
    }

    private JsonNode render(String expression) {
        JsonNode input = WorkflowFormat.parseJson("{\"as\": \"" + AS + "\", \"xs\": \"" + XS + "\"}");
        return renderer.render("{{ " + expression + " }}", ExpressionScope.ofInput(input, NOW));
    }
}
