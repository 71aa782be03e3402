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
        assertThat(config.auth()).isInstanceOf(WebhookTrigger.NoAuth.class);
    }

    @Test
    void bindsEachAuthenticationAlternative() {
        var header = NodeTestSupport.config(WebhookTrigger.Config.class,
                "{\"auth\": {\"type\": \"header\", \"credential_id\": \"c1\", \"header_name\": \"X-Token\"}}");
        var basic = NodeTestSupport.config(WebhookTrigger.Config.class,
                "{\"auth\": {\"type\": \"basic\", \"credential_id\": \"c2\"}}");
        var github = NodeTestSupport.config(WebhookTrigger.Config.class,
                "{\"auth\": {\"type\": \"hmac_github\", \"credential_id\": \"c3\"}}");
        var stripe = NodeTestSupport.config(WebhookTrigger.Config.class,
                "{\"auth\": {\"type\": \"hmac_stripe\", \"credential_id\": \"c4\"}}");

        assertThat(header.auth()).isEqualTo(new WebhookTrigger.HeaderAuth("c1", "X-Token"));
        assertThat(basic.auth()).isEqualTo(new WebhookTrigger.BasicAuth("c2"));
        assertThat(github.auth()).isEqualTo(new WebhookTrigger.GithubSignature("c3"));
        assertThat(stripe.auth()).isEqualTo(new WebhookTrigger.StripeSignature("c4", 300));
    }

    @Test
    void rejectsAnAuthWithoutCredentialOrWithAnUnknownTypeInItsSchema() {
        var schema = ConfigSchema.of(WebhookTrigger.Config.class);

        assertThat(schema.validate(WorkflowFormat.parseJson("{\"auth\": {\"type\": \"basic\"}}"))).isNotEmpty();
        assertThat(schema.validate(WorkflowFormat.parseJson("{\"auth\": {\"type\": \"oauth\"}}"))).isNotEmpty();
        assertThat(schema.validate(WorkflowFormat.parseJson(
                "{\"auth\": {\"type\": \"hmac_stripe\", \"credential_id\": \"c\", \"tolerance_seconds\": 0}}")))
                .isNotEmpty();
        assertThat(schema.validate(WorkflowFormat.parseJson("{\"auth\": {\"type\": \"none\"}}"))).isEmpty();
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
