package dev.automateos.nodes.flow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * {@code flow.switch@1}: sends its input on through the output of the first case whose condition
 * holds, or through {@code default}. Outputs are declared statically, so there is a fixed set:
 * {@code case_1} ... {@code case_8} (case N of the config leaves by {@code case_N}) and
 * {@code default}. Cases are tried in order; later cases are not evaluated once one matched.
 */
public final class SwitchNode implements NodeType<SwitchNode.Config, SwitchNode.Result> {

    public static final int MAX_CASES = 8;
    public static final String DEFAULT = "default";

    private static final NodeSpec SPEC = NodeSpec.action("flow.switch", 1, "Switch",
            "Routes the input to the output of the first matching case, or to 'default'.", "flow")
            .withOutputs(outputs());

    public record Config(
            @Ui(description = "Tried in order; case N leaves by the output case_N. At most 8.")
            @NotNull @Size(min = 1, max = MAX_CASES) List<Case> cases) {

        public Config {
            cases = cases == null ? null : List.copyOf(cases);
        }
    }

    /**
     * @param label     a name for people (shown in the editor and the log); no effect on routing
     * @param condition when this case matches
     */
    public record Case(
            @Ui(placeholder = "Big orders") @Size(max = 100) String label,
            @NotNull Criteria condition) {}

    /**
     * @param output the output taken: {@code case_N} or {@code default}
     * @param data   the input, passed on unchanged (the stored output)
     */
    public record Result(@JsonIgnore String output, @JsonValue JsonNode data) {}

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
        for (int i = 0; i < config.cases().size(); i++) {
            Case candidate = config.cases().get(i);
            if (ConditionEvaluator.decide(candidate.condition(), "/cases/" + i + "/condition", context).holds()) {
                context.log("Matched case " + (i + 1) + (candidate.label() == null ? "" : " (" + candidate.label() + ")"));
                return new Result(caseOutput(i + 1), context.input());
            }
        }
        context.log("No case matched; taking 'default'.");
        return new Result(DEFAULT, context.input());
    }

    @Override
    public String outputFor(Result result) {
        return result.output();
    }

    static String caseOutput(int number) {
        return "case_" + number;
    }

    private static String[] outputs() {
        return Stream.concat(IntStream.rangeClosed(1, MAX_CASES).mapToObj(SwitchNode::caseOutput), Stream.of(DEFAULT))
                .toArray(String[]::new);
    }
}
