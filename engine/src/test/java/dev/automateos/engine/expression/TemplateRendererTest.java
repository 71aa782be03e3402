package dev.automateos.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.workflow.WorkflowFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TemplateRendererTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private final TemplateRenderer renderer = new TemplateRenderer();
    private final ExpressionScope scope = new ExpressionScope(
            json("{\"body\": {\"title\": \"  Buy milk \", \"amount\": 120, \"tags\": [\"a\", \"b\"]}}"),
            json("{\"id\": 7, \"done\": false}"),
            json("{\"Clean up\": {\"title\": \"Buy milk\"}}"),
            json("{\"owner\": \"ada\"}"),
            json("{\"id\": \"e-1\"}"),
            json("{\"name\": \"Flow\"}"),
            NOW);

    @Test
    void keepsTheJsonTypeOfASingleExpression() {
        assertThat(render("{{ $trigger.body.amount }}").isIntegralNumber()).isTrue();
        assertThat(render("{{ $trigger.body.amount > 100 }}").booleanValue()).isTrue();
        assertThat(render("{{ $trigger.body.tags }}").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(render("{{ {\"n\": $input.id} }}").toString()).isEqualTo("{\"n\":7}");
        assertThat(render("  {{ $input.done }}\n").isBoolean()).isTrue();
    }

    @Test
    void splicesResultsIntoSurroundingText() {
        assertThat(render("#{{ $input.id }}: {{ $trim($trigger.body.title) }} {{ $trigger.body.tags }}{{ $missing }}")
                .asString()).isEqualTo("#7: Buy milk [\"a\",\"b\"]");
    }

    @Test
    void bindsEveryScopeVariableAndUsesTheInputAsContext() {
        assertThat(render("{{ $nodes.`Clean up`.title }}|{{ $vars.owner }}|{{ $execution.id }}|{{ $workflow.name }}")
                .asString()).isEqualTo("Buy milk|ada|e-1|Flow");
        assertThat(render("{{ id }}").intValue()).isEqualTo(7);
        assertThat(render("{{ $now }}").asString()).isEqualTo("2026-03-01T10:15:30Z");
    }

    @Test
    void givesNullForAnUndefinedResult() {
        assertThat(render("{{ $input.nothing }}").isNull()).isTrue();
    }

    @Test
    void returnsStringsWithoutBracesUnchanged() {
        assertThat(render("plain { text }").asString()).isEqualTo("plain { text }");
    }

    @Test
    void reportsEvaluationErrorsReadably() {
        assertThatThrownBy(() -> render("{{ $number('x') }}")).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("$number('x')");
        assertThatThrownBy(() -> render("{{ function($x) { $x } }}")).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> render("{{ ( }}")).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("does not parse");
    }

    @Test
    void convertsRenderedValuesToTheTemplateType() {
        assertThat(Template.of("{{ $input.done }}", Boolean.class).convert(render("{{ $input.done }}"))).isFalse();
        assertThat(Template.of("true", Boolean.class).convert(render("true"))).isTrue();
        assertThat(Template.of("x", Integer.class).convert(render("{{ 2 * 21 }}"))).isEqualTo(42);
        assertThat(Template.of("x", String.class).convert(render("{{ $input.id }}"))).isEqualTo("7");
        assertThatThrownBy(() -> Template.of("{{ 'yes' }}", Boolean.class).convert(render("{{ 'yes' }}")))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("true or false");
    }

    private JsonNode render(String template) {
        return renderer.render(template, scope);
    }

    private static JsonNode json(String text) {
        return WorkflowFormat.parseJson(text);
    }
}
