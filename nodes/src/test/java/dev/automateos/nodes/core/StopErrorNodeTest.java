package dev.automateos.nodes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.expression.ExpressionException;
import dev.automateos.engine.node.NodeFailure;
import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import org.junit.jupiter.api.Test;

class StopErrorNodeTest {

    private final StopErrorNode node = new StopErrorNode();

    @Test
    void failsWithTheRenderedMessageAndCodeNotRetryable() {
        var config = NodeTestSupport.config(StopErrorNode.Config.class,
                "{\"message\": \"Order {{ $input.id }} has no items.\", \"code\": \"order_empty\"}");

        assertThatThrownBy(() -> node.execute(config, FakeNodeContext.withInput("{\"id\": 7}")))
                .isInstanceOfSatisfying(NodeFailure.class, failure -> {
                    assertThat(failure.getMessage()).isEqualTo("Order 7 has no items.");
                    assertThat(failure.code()).isEqualTo("order_empty");
                    assertThat(failure.retryable()).isFalse();
                });
    }

    @Test
    void usesTheCodeStoppedAndAGenericMessageWhenLeftOutOrBlank() {
        var config = NodeTestSupport.config(StopErrorNode.Config.class, "{\"message\": \"{{ $input.missing }}\"}");

        assertThatThrownBy(() -> node.execute(config, FakeNodeContext.withInput("{}")))
                .isInstanceOfSatisfying(NodeFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("stopped");
                    assertThat(failure.getMessage()).contains("stopped by a 'Stop with error' node");
                });
    }

    @Test
    void failsWithTheExpressionErrorWhenTheMessageCannotBeRendered() {
        var config = NodeTestSupport.config(StopErrorNode.Config.class, "{\"message\": \"{{ $number('x') }}\"}");

        assertThatThrownBy(() -> node.execute(config, FakeNodeContext.withInput("{}")))
                .isInstanceOf(ExpressionException.class);
    }

    @Test
    void refusesAMissingMessageOrABadCode() {
        assertThatThrownBy(() -> NodeTestSupport.config(StopErrorNode.Config.class, "{}"))
                .hasMessageContaining("'message' is required");
        assertThatThrownBy(() -> NodeTestSupport.config(StopErrorNode.Config.class,
                "{\"message\": \"m\", \"code\": \"Bad Code\"}")).hasMessageContaining("/code");
    }
}
