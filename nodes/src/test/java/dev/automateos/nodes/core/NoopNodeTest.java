package dev.automateos.nodes.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.nodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

class NoopNodeTest {

    @Test
    void passesItsInputThroughUnchanged() {
        var context = FakeNodeContext.withInput("{\"a\": [1, {\"b\": null}]}");

        assertThat(new NoopNode().execute(new NoopNode.Config(), context)).isEqualTo(context.input());
    }
}
