package dev.automateos.nodes.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.node.NodeFailure;
import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import org.junit.jupiter.api.Test;

class RespondNodeTest {

    private static final String INPUT = "{\"id\": 42, \"name\": \"Ada\"}";

    private final RespondNode node = new RespondNode();

    @Test
    void describesAJsonResponseWithRenderedHeaders() {
        var config = NodeTestSupport.config(RespondNode.Config.class, """
                {"status": 201, "headers": {"Location": "/orders/{{ $input.id }}"},
                 "body": "{{ {\\"id\\": $input.id, \\"ok\\": true} }}"}
                """);

        var result = node.execute(config, FakeNodeContext.withInput(INPUT));

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.headers()).containsEntry("location", "/orders/42").containsEntry("content-type", "application/json");
        assertThat(result.body().toString()).isEqualTo("{\"id\":42,\"ok\":true}");
    }

    @Test
    void defaultsTo200WithoutBodyOrHeaders() {
        var result = node.execute(NodeTestSupport.config(RespondNode.Config.class, "{}"), FakeNodeContext.withInput(INPUT));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.headers()).isEmpty();
        assertThat(result.body()).isNull();
    }

    @Test
    void sendsTextWhenTheContentTypeIsNotJson() {
        var config = NodeTestSupport.config(RespondNode.Config.class,
                "{\"body\": \"Hello {{ name }}\", \"content_type\": \"text/plain; charset=utf-8\"}");

        var result = node.execute(config, FakeNodeContext.withInput(INPUT));

        assertThat(result.body().stringValue()).isEqualTo("Hello Ada");
        assertThat(result.headers()).containsEntry("content-type", "text/plain; charset=utf-8");
    }

    @Test
    void refusesHopByHopAndServerOwnedHeaders() {
        for (String header : new String[] {"Content-Length", "Transfer-Encoding", "Connection", "Content-Type"}) {
            var config = NodeTestSupport.config(RespondNode.Config.class, "{\"headers\": {\"" + header + "\": \"x\"}}");

            assertThatThrownBy(() -> node.execute(config, FakeNodeContext.withInput(INPUT))).as(header)
                    .isInstanceOf(NodeFailure.class).hasMessageContaining(header)
                    .satisfies(e -> assertThat(((NodeFailure) e).code()).isEqualTo("forbidden_header"));
        }
    }

    @Test
    void refusesAnInvalidHeaderName() {
        var config = NodeTestSupport.config(RespondNode.Config.class, "{\"headers\": {\"Bad Name\": \"x\"}}");

        assertThatThrownBy(() -> node.execute(config, FakeNodeContext.withInput(INPUT)))
                .isInstanceOf(NodeFailure.class).hasMessageContaining("'Bad Name' is not a valid header name");
    }

    @Test
    void refusesAHeaderValueThatWouldSplitTheResponse() {
        var config = NodeTestSupport.config(RespondNode.Config.class,
                "{\"headers\": {\"X-Note\": \"{{ 'a' & $string($fromMillis(0)) & '\\\\r\\\\nSet-Cookie: x=1' }}\"}}");

        assertThatThrownBy(() -> node.execute(config, FakeNodeContext.withInput(INPUT)))
                .isInstanceOf(NodeFailure.class).hasMessageContaining("line break");
    }

    @Test
    void refusesABadStatusOrContentTypeInItsSchema() {
        assertThatThrownBy(() -> NodeTestSupport.config(RespondNode.Config.class, "{\"status\": 99}"))
                .hasMessageContaining("/status");
        assertThatThrownBy(() -> NodeTestSupport.config(RespondNode.Config.class, "{\"status\": 600}"))
                .hasMessageContaining("/status");
        assertThatThrownBy(() -> NodeTestSupport.config(RespondNode.Config.class, "{\"content_type\": \"json\"}"))
                .hasMessageContaining("/content_type");
    }
}
