package dev.automateos.nodes.core;

import dev.automateos.engine.expression.Template;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeFailure;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code core.stop_error@1}: fails the step, and so the execution, on purpose, with a message and
 * an optional code. Never retried: the same input would stop again.
 */
public final class StopErrorNode implements NodeType<StopErrorNode.Config, JsonNode> {

    public static final String DEFAULT_CODE = "stopped";
    static final int MAX_MESSAGE = 2_000;

    private static final NodeSpec SPEC = NodeSpec.action("core.stop_error", 1, "Stop with error",
            "Fails the execution on purpose with a message.", "core");

    public record Config(
            @Ui(description = "Why the run stops; may use expressions.", placeholder = "Order {{ $input.id }} has no items")
            @NotNull Template<String> message,
            @Ui(description = "A stable snake_case code for the error. Default 'stopped'.", placeholder = "order_empty")
            @Pattern(regexp = "^[a-z][a-z0-9_]{0,63}$") String code) {

        public Config {
            code = code == null ? DEFAULT_CODE : code;
        }
    }

    @Override
    public NodeSpec spec() {
        return SPEC;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public JsonNode execute(Config config, NodeContext context) {
        String message = context.render(config.message());
        if (message == null || message.isBlank()) {
            message = "The workflow was stopped by a 'Stop with error' node.";
        } else if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        throw NodeFailure.permanent(config.code(), message);
    }
}
