package dev.automateos.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.execution.ExecutionOutcome;
import dev.automateos.server.execution.ExecutionOutcomes;
import dev.automateos.server.execution.LaunchedExecution;
import dev.automateos.server.execution.WebhookReply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.node.JsonNodeFactory;

/** The when_finished mode without a server: timeouts, text replies and guarded headers. */
class WebhookWaiterTest {

    private final UUID id = UUID.randomUUID();

    private WebhookWaiter waiter(CompletableFuture<ExecutionOutcome> outcome, Duration timeout) {
        var beans = new StaticListableBeanFactory();
        beans.addBean("outcomes", (ExecutionOutcomes) executionId -> outcome);
        return new WebhookWaiter(beans.getBeanProvider(ExecutionOutcomes.class), timeout);
    }

    @Test
    void aRunSlowerThanTheTimeoutIsAnswered202WithItsStatusUrl() {
        var response = waiter(new CompletableFuture<>(), Duration.ofMillis(50))
                .reply(new LaunchedExecution(id, false), new MockHttpServletRequest());

        assertThat(response.getStatusCode().value()).isEqualTo(202);
        assertThat(new String((byte[]) response.getBody(), StandardCharsets.UTF_8))
                .contains("\"status_url\":\"/api/v1/executions/" + id + "\"");
    }

    @Test
    void aTextReplyIsSentAsTextAndServerOwnedHeadersAreDropped() {
        var reply = new WebhookReply(200, Map.of("content-type", "text/plain; charset=utf-8", "x-kind", "receipt",
                "transfer-encoding", "chunked"), JsonNodeFactory.instance.stringNode("thanks"));
        var outcome = new ExecutionOutcome(id, "succeeded", null, reply, null, null);

        var response = waiter(CompletableFuture.completedFuture(outcome), Duration.ofSeconds(1))
                .reply(new LaunchedExecution(id, false), new MockHttpServletRequest());

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(new String((byte[]) response.getBody(), StandardCharsets.UTF_8)).isEqualTo("thanks");
        assertThat(response.getHeaders().getFirst("x-kind")).isEqualTo("receipt");
        assertThat(response.getHeaders().containsHeader("transfer-encoding")).isFalse();
    }

    @Test
    void aSucceededRunWithoutOutputAnswers204() {
        var outcome = new ExecutionOutcome(id, "succeeded", null, null, null, null);

        var response = waiter(CompletableFuture.completedFuture(outcome), Duration.ofSeconds(1))
                .reply(new LaunchedExecution(id, false), new MockHttpServletRequest());

        assertThat(response.getStatusCode().value()).isEqualTo(204);
    }
}
