package dev.automateos.engine.workflow;

import dev.automateos.engine.expression.Template;
import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Small node types for engine tests; the engine cannot see the real ones in {@code nodes}. */
final class TestNodes {

    private TestNodes() {}

    static NodeCatalog catalog() {
        return NodeCatalog.of(List.of(new Start(), new Echo(1), new Echo(2), new Branch()));
    }

    /** {@code test.start@1}: a trigger with nothing to configure. */
    static final class Start implements NodeType<Start.Config, JsonNode> {
        record Config() {}

        @Override
        public NodeSpec spec() {
            return NodeSpec.trigger("test.start", 1, "Start", "Starts a test workflow.");
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

    /**
     * {@code test.echo@1} and {@code @2}: an action with a required template, an optional bounded
     * number, templates in a list and a map, and a plain (non-template) string.
     */
    static final class Echo implements NodeType<Echo.Config, String> {
        record Config(@NotNull Template<String> message, @Min(1) Integer count, List<Template<String>> lines,
                      Map<String, Template<JsonNode>> headers, String raw) {}

        private final int version;

        Echo(int version) {
            this.version = version;
        }

        @Override
        public NodeSpec spec() {
            return NodeSpec.action("test.echo", version, "Echo", "Renders a message.", "core");
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public String execute(Config config, NodeContext context) {
            return context.render(config.message());
        }
    }

    /** {@code test.branch@1}: an action with the outputs {@code yes} and {@code no}. */
    static final class Branch implements NodeType<Branch.Config, Boolean> {
        record Config() {}

        @Override
        public NodeSpec spec() {
            return NodeSpec.action("test.branch", 1, "Branch", "Picks a way.", "flow").withOutputs("yes", "no");
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public Boolean execute(Config config, NodeContext context) {
            return true;
        }

        @Override
        public String outputFor(Boolean result) {
            return result ? "yes" : "no";
        }
    }
}
