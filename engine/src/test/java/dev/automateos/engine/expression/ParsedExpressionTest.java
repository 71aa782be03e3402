package dev.automateos.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dashjoin.jsonata.Jsonata;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Which expressions run on the caller's thread, which variables are bound, and that results do not change. */
class ParsedExpressionTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private static ParsedExpression parse(String source) {
        return ParsedExpression.of(source, Jsonata.jsonata(source), ExpressionScope.NAMES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$trigger.body.amount * 1.2", "$input", "title", "$nodes.Shape.total > 10 and $vars.on",
            "{'order': $trigger.body.id, 'items': $input.items[price > 2].name}", "$trigger.body.a ? 'x' : 'y'"})
    void expressionsThatCannotCallAFunctionRunInline(String source) {
        assertThat(parse(source).runsInline()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$sum($input.items.price)", "$input ~> $string", "[1..10]",
            "($f := function($n) { $n }; $f(1))", "$input.items^(price)", "$trigger.body ~> |$|{'a': 1}|"})
    void expressionsThatCallFunctionsOrBuildRangesGoToThePool(String source) {
        assertThat(parse(source).runsInline()).isFalse();
    }

    @Test
    void bindsOnlyTheScopeVariablesItsTextNames() {
        assertThat(parse("$trigger.body.id & $now & $lookup($input, 'x')").variables())
                .containsExactlyInAnyOrder("trigger", "now", "input");
        assertThat(parse("title & $count").variables()).isEmpty();
    }

    @Test
    void anUnnamedVariableStaysUndefinedAsBefore() {
        var renderer = new TemplateRenderer();
        ObjectNode input = JSON.objectNode().put("title", "Ada");
        var scope = new ExpressionScope(JSON.objectNode().put("secret", 1), input, JSON.objectNode(),
                JSON.objectNode(), JSON.objectNode(), JSON.objectNode(), NOW);

        assertThat(renderer.render("{{ title }}", scope).stringValue()).isEqualTo("Ada");
        assertThat(renderer.render("{{ $input.title & '/' & $trigger.secret }}", scope).stringValue())
                .isEqualTo("Ada/1");
    }

    @Test
    void anInlineExpressionIsStillBoundByTheStepBudget() {
        ArrayNode items = JSON.arrayNode();
        for (int i = 0; i < 300_000; i++) {
            items.add(JSON.objectNode().put("n", i));
        }
        var scope = ExpressionScope.ofInput(JSON.objectNode().set("items", items), NOW);
        String source = "$input.items[n >= 0 and n < 300000].n";
        assertThat(parse(source).runsInline()).isTrue();

        var renderer = new TemplateRenderer(new ExpressionLimits(java.time.Duration.ofSeconds(60), 200, 1_000_000, 50_000));
        assertThatThrownBy(() -> renderer.render("{{ " + source + " }}", scope))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("more than 50000 evaluation steps");
    }

    @Test
    void inlineAndPooledEvaluationsGiveTheSameResults() {
        var renderer = new TemplateRenderer();
        var scope = ExpressionScope.ofInput(JSON.objectNode().set("items", JSON.arrayNode()
                .add(JSON.objectNode().put("price", 3)).add(JSON.objectNode().put("price", 5))), NOW);

        JsonNode inline = renderer.render("{{ $input.items.price }}", scope);
        JsonNode pooled = renderer.render("{{ $map($input.items, function($i) { $i.price }) }}", scope);

        assertThat(inline.toString()).isEqualTo(pooled.toString()).isEqualTo("[3,5]");
        assertThat(List.of(parse("$input.items.price").runsInline(),
                parse("$map($input.items, function($i) { $i.price })").runsInline())).containsExactly(true, false);
    }
}
