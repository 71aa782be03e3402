package dev.automateos.nodes.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WaitNodeTest {

    private static final String INPUT = "{\"email\": \"ada@example.com\", \"at\": \"2026-03-02T08:00:00+01:00\"}";

    private final WaitNode node = new WaitNode();

    @Test
    void suspendsForAnIsoDurationPassingTheInputOn() {
        var result = node.execute(config("{\"duration\": \"PT15M\"}"), FakeNodeContext.withInput(INPUT));

        assertThat(node.suspendUntil(result)).contains(FakeNodeContext.NOW.plus(Duration.ofMinutes(15)));
        assertThat(NodeTestSupport.toJson(result).get("email").asString()).isEqualTo("ada@example.com");
        assertThat(node.outputFor(result)).isEqualTo("main");
    }

    @Test
    void readsAPlainNumberAsSecondsAndLowerCaseIsoDurations() {
        var context = FakeNodeContext.withInput(INPUT);

        assertThat(node.execute(config("{\"duration\": \"90\"}"), context).resumeAt())
                .isEqualTo(FakeNodeContext.NOW.plusSeconds(90));
        assertThat(node.execute(config("{\"duration\": \"{{ 1.5 }}\"}"), context).resumeAt())
                .isEqualTo(FakeNodeContext.NOW.plusMillis(1500));
        assertThat(node.execute(config("{\"duration\": \"p1d\"}"), context).resumeAt())
                .isEqualTo(FakeNodeContext.NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void waitsUntilATimeFromAnExpression() {
        var result = node.execute(config("{\"until\": \"{{ $input.at }}\"}"), FakeNodeContext.withInput(INPUT));

        assertThat(result.resumeAt()).isEqualTo(Instant.parse("2026-03-02T07:00:00Z"));
    }

    @Test
    void refusesBadOrMissingOrBothSettings() {
        var context = FakeNodeContext.withInput(INPUT);

        assertThatThrownBy(() -> node.execute(config("{}"), context)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> node.execute(config("{\"duration\": \"1\", \"until\": \"x\"}"), context))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> node.execute(config("{\"duration\": \"soon\"}"), context))
                .hasMessageContaining("'duration' must be seconds");
        assertThatThrownBy(() -> node.execute(config("{\"duration\": \"P400D\"}"), context))
                .hasMessageContaining("366 days");
        assertThatThrownBy(() -> node.execute(config("{\"until\": \"2026-03-02T08:00:00\"}"), context))
                .hasMessageContaining("with an offset");
    }

    private static WaitNode.Config config(String json) {
        return NodeTestSupport.config(WaitNode.Config.class, json);
    }
}
