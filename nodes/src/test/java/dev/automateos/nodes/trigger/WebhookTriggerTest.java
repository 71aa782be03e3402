package dev.automateos.nodes.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.node.ConfigSchema;
import dev.automateos.engine.node.ConfigViolation;
import dev.automateos.engine.workflow.WorkflowFormat;
import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import org.junit.jupiter.api.Test;

class WebhookTriggerTest {

    private static final String REQUEST = """
            {"method": "post", "headers": {"Content-Type": "application/json", "X-Count": 2},
             "query": {"source": "shop"}, "body": {"id": 42}}
            """;

    private final WebhookTrigger trigger = new WebhookTrigger();

    @Test
    void turnsTheRequestIntoTheTriggerOutput() {
        var config = NodeTestSupport.config(WebhookTrigger.Config.class, "{}");

        var result = trigger.execute(config, FakeNodeContext.withInput(REQUEST));

        assertThat(result.method()).isEqualTo("POST");
        assertThat(result.headers()).containsEntry("content-type", "application/json").containsEntry("x-count", "2");
        assertThat(result.query()).containsEntry("source", "shop");
        assertThat(result.body().get("id").intValue()).isEqualTo(42);
    }

    @Test
    void defaultsToPostAndAnImmediateAnswer() {
        var config = NodeTestSupport.config(WebhookTrigger.Config.class, "{}");

        assertThat(config.methods()).containsExactly(WebhookTrigger.Method.POST);
        assertThat(config.responseMode()).isEqualTo(WebhookTrigger.ResponseMode.IMMEDIATE);
        assertThat(config.path()).isNull();
    }

    @Test
    void refusesAMethodItDoesNotAccept() {
        var config = NodeTestSupport.config(WebhookTrigger.Config.class, "{\"methods\": [\"GET\"]}");

        assertThatThrownBy(() -> trigger.execute(config, FakeNodeContext.withInput(REQUEST)))
                .hasMessageContaining("not POST");
    }

    @Test
    void bindsEveryOption() {
        var config = NodeTestSupport.config(WebhookTrigger.Config.class,
                "{\"path\": \"orders/new\", \"methods\": [\"PUT\", \"PATCH\"], \"response_mode\": \"when_finished\"}");

        assertThat(config.path()).isEqualTo("orders/new");
        assertThat(config.methods()).containsExactly(WebhookTrigger.Method.PUT, WebhookTrigger.Method.PATCH);
        assertThat(config.responseMode()).isEqualTo(WebhookTrigger.ResponseMode.WHEN_FINISHED);
    }

    @Test
    void rejectsBadPathsMethodsAndModesInItsSchema() {
        var violations = ConfigSchema.of(WebhookTrigger.Config.class).validate(WorkflowFormat.parseJson(
                "{\"path\": \"/Orders/../x\", \"methods\": [\"TRACE\"], \"response_mode\": \"later\"}"));

        assertThat(violations).extracting(ConfigViolation::pointer)
                .containsExactly("/methods/0", "/path", "/response_mode");
        assertThat(ConfigSchema.of(WebhookTrigger.Config.class).validate(WorkflowFormat.parseJson(
                "{\"methods\": []}"))).extracting(ConfigViolation::pointer).containsExactly("/methods");
    }
}
