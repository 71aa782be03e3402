package dev.automateos.nodes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.expression.ExpressionException;
import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import org.junit.jupiter.api.Test;

class IfNodeTest {

    private static final String INPUT = "{\"amount\": 150, \"flag\": \"yes\"}";

    private final IfNode node = new IfNode();

    @Test
    void leavesByTrueWhenTheConditionHoldsPassingTheInputOn() {
        var result = node.execute(condition("{{ $input.amount > 100 }}"), FakeNodeContext.withInput(INPUT));

        assertThat(result.matched()).isTrue();
        assertThat(node.outputFor(result)).isEqualTo("true");
        assertThat(NodeTestSupport.toJson(result).toString()).isEqualTo("{\"amount\":150,\"flag\":\"yes\"}");
    }

    @Test
    void leavesByFalseWhenTheConditionFailsOrGivesNothing() {
        var context = FakeNodeContext.withInput(INPUT);

        assertThat(node.outputFor(node.execute(condition("{{ amount < 100 }}"), context))).isEqualTo("false");
        assertThat(node.outputFor(node.execute(condition("{{ $input.missing }}"), context))).isEqualTo("false");
    }

    @Test
    void refusesAConditionThatIsNotABoolean() {
        assertThatThrownBy(() -> node.execute(condition("{{ $input.flag }}"), FakeNodeContext.withInput(INPUT)))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("true or false");
    }

    @Test
    void declaresTheOutputsTrueAndFalse() {
        assertThat(node.spec().outputs()).containsExactly("true", "false");
    }

    private static IfNode.Config condition(String template) {
        return NodeTestSupport.config(IfNode.Config.class,
                "{\"condition\": \"" + template.replace("\"", "\\\"") + "\"}");
    }
}
