package dev.automateos.nodes.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import org.junit.jupiter.api.Test;

class ManualTriggerTest {

    private final ManualTrigger trigger = new ManualTrigger();

    @Test
    void putsTheRunInputIntoBody() {
        var result = trigger.execute(new ManualTrigger.Config(), FakeNodeContext.withInput("{\"name\": \"Ada\"}"));

        assertThat(NodeTestSupport.toJson(result).toString()).isEqualTo("{\"body\":{\"name\":\"Ada\"}}");
    }

    @Test
    void givesANullBodyWithoutInput() {
        assertThat(trigger.execute(new ManualTrigger.Config(), FakeNodeContext.withInput(null)).body()).isNull();
    }

    @Test
    void hasNothingToConfigure() {
        assertThat(NodeTestSupport.config(ManualTrigger.Config.class, "{}")).isEqualTo(new ManualTrigger.Config());
    }
}
