package dev.automateos.nodes.core;

import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import tools.jackson.databind.JsonNode;

/** {@code core.noop@1}: does nothing and passes its input through. Useful as a join point or a placeholder. */
public final class NoopNode implements NodeType<NoopNode.Config, JsonNode> {

    private static final NodeSpec SPEC = NodeSpec.action("core.noop", 1, "No operation",
            "Passes its input through unchanged.", "core");

    /** Nothing to configure. */
    public record Config() {}

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
        return context.input();
    }
}
