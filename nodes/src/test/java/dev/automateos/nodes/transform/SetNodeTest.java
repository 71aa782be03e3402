package dev.automateos.nodes.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.expression.ExpressionException;
import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import org.junit.jupiter.api.Test;

class SetNodeTest {

    private static final String INPUT = "{\"body\": {\"title\": \"  Buy milk \", \"amount\": 3}, \"keep\": true}";

    private final SetNode node = new SetNode();

    @Test
    void buildsAnObjectFromTemplatesKeepingTheTypesOfWholeExpressions() {
        var config = NodeTestSupport.config(SetNode.Config.class, """
                {"fields": {"title": "{{ $trim($trigger.body.title) }}", "amount": "{{ $input.body.amount * 2 }}",
                            "label": "#{{ $input.body.amount }}", "fixed": "plain", "at": "{{ $now }}"}}
                """);

        var result = node.execute(config, FakeNodeContext.withInput(INPUT));

        assertThat(result.toString()).isEqualTo(
                "{\"amount\":6,\"at\":\"2026-03-01T10:15:30Z\",\"fixed\":\"plain\",\"label\":\"#3\",\"title\":\"Buy milk\"}");
    }

    @Test
    void startsFromTheInputWhenAskedTo() {
        var config = NodeTestSupport.config(SetNode.Config.class,
                "{\"fields\": {\"keep\": \"{{ false }}\", \"new\": \"x\"}, \"options\": {\"keep_input\": true}}");

        var result = node.execute(config, FakeNodeContext.withInput(INPUT));

        assertThat(result.get("body").get("amount").intValue()).isEqualTo(3);
        assertThat(result.get("keep").booleanValue()).isFalse();
        assertThat(result.get("new").asString()).isEqualTo("x");
    }

    @Test
    void doesNotChangeTheInput() {
        var config = NodeTestSupport.config(SetNode.Config.class,
                "{\"fields\": {\"keep\": \"no\"}, \"options\": {\"keep_input\": true}}");
        var context = FakeNodeContext.withInput(INPUT);

        node.execute(config, context);

        assertThat(context.input().get("keep").booleanValue()).isTrue();
    }

    @Test
    void failsWithTheExpressionInTheMessageWhenEvaluationFails() {
        var config = NodeTestSupport.config(SetNode.Config.class, "{\"fields\": {\"n\": \"{{ $number('abc') }}\"}}");

        assertThatThrownBy(() -> node.execute(config, FakeNodeContext.withInput(INPUT)))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("$number('abc')");
    }

    @Test
    void requiresAtLeastOneField() {
        assertThatThrownBy(() -> NodeTestSupport.config(SetNode.Config.class, "{\"fields\": {}}"))
                .hasMessageContaining("/fields");
        assertThatThrownBy(() -> NodeTestSupport.config(SetNode.Config.class, "{}"))
                .hasMessageContaining("'fields' is required");
    }

    @Test
    void renamesThenRemovesDottedPathsAfterSettingTheFields() {
        var config = NodeTestSupport.config(SetNode.Config.class, """
                {"fields": {"total": "{{ $input.body.amount * 2 }}"},
                 "options": {"keep_input": true,
                             "rename": {"body.title": "title", "total": "summary.total", "nothing.here": "x"},
                             "remove": ["keep", "body.amount", "not.there"]}}
                """);
        var context = FakeNodeContext.withInput(INPUT);

        var result = node.execute(config, context);

        assertThat(result.toString()).isEqualTo(
                "{\"body\":{},\"title\":\"  Buy milk \",\"summary\":{\"total\":6}}");
        assertThat(context.logged()).containsExactly("rename: 'nothing.here' is not in the object; nothing renamed.");
    }

    @Test
    void renamesAndRemovesWithinTheBuiltObjectWhenNotKeepingTheInput() {
        var config = NodeTestSupport.config(SetNode.Config.class, """
                {"fields": {"a": "1", "b": "{{ $input.body }}"},
                 "options": {"rename": {"b.title": "c"}, "remove": ["b.amount"]}}
                """);

        assertThat(node.execute(config, FakeNodeContext.withInput(INPUT)).toString())
                .isEqualTo("{\"a\":\"1\",\"b\":{},\"c\":\"  Buy milk \"}");
    }

    @Test
    void refusesEmptyPathSegmentsInItsSchema() {
        assertThatThrownBy(() -> NodeTestSupport.config(SetNode.Config.class,
                "{\"fields\": {\"a\": \"1\"}, \"options\": {\"remove\": [\"a..b\"]}}")).hasMessageContaining("remove");
        assertThatThrownBy(() -> NodeTestSupport.config(SetNode.Config.class,
                "{\"fields\": {\"a\": \"1\"}, \"options\": {\"rename\": {\"a\": \".b\"}}}")).hasMessageContaining("rename");
    }
}
