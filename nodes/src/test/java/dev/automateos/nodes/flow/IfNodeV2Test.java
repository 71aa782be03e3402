package dev.automateos.nodes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.expression.ExpressionException;
import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import org.junit.jupiter.api.Test;

class IfNodeV2Test {

    private static final String INPUT = "{\"amount\": 150, \"tags\": [\"urgent\"]}";

    private final IfNodeV2 node = new IfNodeV2();

    @Test
    void leavesByTrueWhenTheConditionsHoldPassingTheInputOn() {
        var context = FakeNodeContext.withInput(INPUT);
        var result = node.execute(config("""
                {"combinator": "or", "conditions": [
                  {"left": "{{ $input.amount }}", "operator": "less_than", "right": "100"},
                  {"left": "{{ $input.tags }}", "operator": "contains", "right": "urgent"}]}
                """), context);

        assertThat(node.outputFor(result)).isEqualTo("true");
        assertThat(NodeTestSupport.toJson(result)).isEqualTo(context.input());
    }

    @Test
    void leavesByFalseAndLogsWhy() {
        var context = FakeNodeContext.withInput(INPUT);
        var result = node.execute(config(
                "{\"conditions\": [{\"left\": \"{{ $input.amount }}\", \"operator\": \"greater_than\", \"right\": \"200\"}]}"),
                context);

        assertThat(node.outputFor(result)).isEqualTo("false");
        assertThat(node.filtered(result)).isFalse();
        assertThat(context.logged()).singleElement().asString().contains("150 greater_than \"200\" is false");
    }

    @Test
    void takesABooleanExpressionLikeVersionOne() {
        var context = FakeNodeContext.withInput(INPUT);

        assertThat(node.outputFor(node.execute(config("{\"expression\": \"{{ amount > 100 }}\"}"), context))).isEqualTo("true");
        assertThatThrownBy(() -> node.execute(config("{\"expression\": \"{{ 'yes' }}\"}"), context))
                .isInstanceOf(ExpressionException.class);
    }

    @Test
    void isVersionTwoOfFlowIfWithTheSameOutputs() {
        assertThat(node.spec().type()).isEqualTo(new IfNode().spec().type());
        assertThat(node.spec().version()).isEqualTo(2);
        assertThat(node.spec().outputs()).containsExactly("true", "false");
    }

    private static IfNodeV2.Config config(String condition) {
        return NodeTestSupport.config(IfNodeV2.Config.class, "{\"condition\": " + condition + "}");
    }
}
