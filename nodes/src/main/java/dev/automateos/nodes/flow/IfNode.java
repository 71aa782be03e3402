package dev.automateos.nodes.flow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.automateos.engine.expression.Template;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

/**
 * {@code flow.if@1}: sends its input on through the output {@code true} or {@code false}, depending
 * on a condition. A condition that gives null (for example a missing field) counts as false; any
 * other non-boolean result fails the step, because guessing truthiness hides mistakes.
 */
public final class IfNode implements NodeType<IfNode.Config, IfNode.Result> {

    private static final NodeSpec SPEC = NodeSpec.action("flow.if", 1, "If",
            "Routes the input to the 'true' or the 'false' output depending on a condition.", "flow")
            .withOutputs("true", "false");

    public record Config(
            @Ui(description = "An expression giving true or false.", placeholder = "{{ $input.amount > 100 }}")
            @NotNull Template<Boolean> condition) {}

    /**
     * @param matched whether the condition held; decides the output
     * @param data    the input, passed on unchanged (this is the node's stored output)
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
        Boolean value = context.render(config.condition());
        return new Result(Boolean.TRUE.equals(value), context.input());
    }

    @Override
    public String outputFor(Result result) {
        return result.matched() ? "true" : "false";
    }
}
