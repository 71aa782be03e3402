package dev.automateos.nodes.trigger;

import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import tools.jackson.databind.JsonNode;

/**
 * {@code trigger.manual@1}: starts a workflow when a person or a program asks (UI "Run", CLI,
 * {@code POST /api/v1/workflows/{id}/run}). The run's input becomes {@code $trigger.body}, the same
 * place a webhook puts its body, so switching triggers does not break expressions.
 */
public final class ManualTrigger implements NodeType<ManualTrigger.Config, ManualTrigger.Result> {

    private static final NodeSpec SPEC = NodeSpec.trigger("trigger.manual", 1, "Manual",
            "Starts the workflow on demand, from the UI, the CLI or the API, with an optional JSON input.");

    /** Nothing to configure. */
    public record Config() {}

    /** @param body the run's JSON input, or null when none was given */
    public record Result(JsonNode body) {}

    @Override
    public NodeSpec spec() {
        return SPEC;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Result execute(Config config, NodeContext context) {
        JsonNode input = context.input();
        return new Result(input == null || input.isNull() || input.isMissingNode() ? null : input);
    }
}
