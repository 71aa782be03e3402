package dev.automateos.nodes.flow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code flow.filter@1}: lets its input through when the condition holds; otherwise the branch
 * ends here, successfully, and the step is recorded as filtered. The conditions that failed go to
 * the step's log, so the output stays exactly the input.
 */
public final class FilterNode implements NodeType<FilterNode.Config, FilterNode.Result> {

    private static final NodeSpec SPEC = NodeSpec.action("flow.filter", 1, "Filter",
            "Continues only when the conditions hold; otherwise ends this branch as filtered.", "flow");

    public record Config(
            @Ui(description = "Conditions joined by and/or, or one boolean expression.") @NotNull Criteria condition) {}

    /**
     * @param passed   whether the condition held
     * @param failures why not, when it did not (also logged)
     * @param data     the input, passed on unchanged (the stored output)
     */
    public record Result(@JsonIgnore boolean passed, @JsonIgnore List<String> failures, @JsonValue JsonNode data) {}

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
            context.log("Filtered out: " + String.join("; ", decision.failures()));
        }
        return new Result(decision.holds(), decision.failures(), context.input());
    }

    @Override
    public boolean filtered(Result result) {
        return !result.passed();
    }
}
