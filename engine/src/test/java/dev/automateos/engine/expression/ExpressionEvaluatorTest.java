package dev.automateos.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.workflow.WorkflowFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpressionEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private final ExpressionEvaluator evaluator = new ExpressionEvaluator();

    @Test
    void evaluatesATemplateAgainstSampleData() {
        var sample = WorkflowFormat.parseJson("""
                {"trigger": {"body": {"amount": 21}}, "input": {"name": "Ada"}, "vars": {"greeting": "Hi"},
                 "nodes": {"Clean up": {"ok": true}}}
                """);

        var whole = evaluator.evaluate("{{ $trigger.body.amount * 2 }}", sample, NOW);
        var text = evaluator.evaluate("{{ $vars.greeting }}, {{ name }} at {{ $now }} {{ $nodes.`Clean up`.ok }}", sample, NOW);

        assertThat(whole.ok()).isTrue();
        assertThat(whole.value().intValue()).isEqualTo(42);
        assertThat(text.value().stringValue()).isEqualTo("Hi, Ada at 2026-03-01T10:15:30Z true");
    }

    @Test
    void treatsMissingSamplePartsAsEmpty() {
        var result = evaluator.evaluate("{{ $input.x }}|{{ $vars.y }}", null, NOW);

        assertThat(result.ok()).isTrue();
        assertThat(result.value().stringValue()).isEqualTo("|");
    }

    @Test
    void describesASyntaxErrorWithItsPosition() {
        var result = evaluator.evaluate("Total: {{ 1 + }}", WorkflowFormat.parseJson("{}"), NOW);

        assertThat(result.ok()).isFalse();
        assertThat(result.value()).isNull();
        assertThat(result.error().message()).contains("{{ 1 + }}", "does not parse");
        assertThat(result.error().position()).isBetween(8, 17);
    }

    @Test
    void describesUnbalancedBracesAtTheirPosition() {
        var result = evaluator.evaluate("ab }}", WorkflowFormat.parseJson("{}"), NOW);

        assertThat(result.error().message()).contains("no matching '{{'");
        assertThat(result.error().position()).isEqualTo(4);
    }

    @Test
    void describesAnEvaluationErrorNamingTheExpression() {
        var result = evaluator.evaluate("x {{ $number('abc') }}", WorkflowFormat.parseJson("{}"), NOW);

        assertThat(result.ok()).isFalse();
        assertThat(result.error().message()).contains("{{ $number('abc') }}", "failed");
        assertThat(result.error().position()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void appliesTheSameBoundsAsARun() {
        var result = evaluator.evaluate("{{ ($f := function($n) { 1 + $f($n) }; $f(1)) }}", null, NOW);

        assertThat(result.ok()).isFalse();
        assertThat(result.error().message()).contains("nests deeper");
    }

    @Test
    void refusesANullTemplate() {
        assertThat(evaluator.evaluate(null, null, NOW).error().message()).contains("required");
    }
}
