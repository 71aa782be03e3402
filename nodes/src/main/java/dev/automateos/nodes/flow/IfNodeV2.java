package dev.automateos.nodes.flow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

/**
 * {@code flow.if@2}: sends its input on through {@code true} or {@code false}, using the same
 * condition model as {@code flow.filter} (groups of conditions, or one boolean expression).
 * Version 1, with a single boolean template, keeps working unchanged.
 */
public final class IfNodeV2 implements NodeType<IfNodeV2.Config, IfNodeV2.Result> {

    private static final NodeSpec SPEC = NodeSpec.action("flow.if", 2, "If",
            "Routes the input to the 'true' or the 'false' output depending on conditions.", "flow")
            .withOutputs("true", "false");

    public record Config(
            @Ui(description = "Conditions joined by and/or, or one boolean expression.") @NotNull Criteria condition) {}

    /**
     * @param matched whether the condition held; decides the output
     * @param data    the input, passed on unchanged (the stored output)
     */
    public record Result(@JsonIgnore boolean matched, @JsonValue JsonNode data) {}

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
        ConditionEvaluator.Decision decision = ConditionEvaluator.decide(config.condition(), "/condition", context);
        if (!decision.holds()) {
            context.log("False: " + String.join("; ", decision.failures()));
        }
        return new Result(decision.holds(), context.input());
    }

    @Override
    public String outputFor(Result result) {
        return result.matched() ? "true" : "false";
    }
}
