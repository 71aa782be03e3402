package dev.automateos.nodes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.workflow.ValidationProblem;
import dev.automateos.engine.workflow.WorkflowFormat;
import dev.automateos.engine.workflow.WorkflowValidator;
import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwitchNodeTest {

    private static final String CASES = """
            {"cases": [
              {"label": "Urgent", "condition": {"conditions": [
                {"left": "{{ $input.priority }}", "operator": "equals", "right": "urgent"}]}},
              {"label": "Big", "condition": {"expression": "{{ $input.amount > 100 }}"}},
              {"condition": {"conditions": [{"left": "{{ $input.vip }}", "operator": "exists"}]}}
            ]}
            """;

    private final SwitchNode node = new SwitchNode();

    @Test
    void routesToTheFirstMatchingCase() {
        var config = NodeTestSupport.config(SwitchNode.Config.class, CASES);

        assertThat(route(config, "{\"priority\": \"urgent\", \"amount\": 500}")).isEqualTo("case_1");
        assertThat(route(config, "{\"priority\": \"low\", \"amount\": 500, \"vip\": true}")).isEqualTo("case_2");
        assertThat(route(config, "{\"priority\": \"low\", \"amount\": 5, \"vip\": true}")).isEqualTo("case_3");
    }

    @Test
    void routesToDefaultWhenNoCaseMatchesPassingTheInputOn() {
        var config = NodeTestSupport.config(SwitchNode.Config.class, CASES);
        var context = FakeNodeContext.withInput("{\"priority\": \"low\", \"amount\": 5}");

        var result = node.execute(config, context);

        assertThat(node.outputFor(result)).isEqualTo("default");
        assertThat(NodeTestSupport.toJson(result)).isEqualTo(context.input());
        assertThat(context.logged()).containsExactly("No case matched; taking 'default'.");
    }

    @Test
    void doesNotEvaluateCasesAfterTheFirstMatch() {
        var config = NodeTestSupport.config(SwitchNode.Config.class, """
                {"cases": [{"condition": {"expression": "{{ true }}"}},
                           {"condition": {"expression": "{{ $number('not a number') }}"}}]}
                """);

        assertThat(route(config, "{}")).isEqualTo("case_1");
    }

    @Test
    void declaresEightCaseOutputsAndDefault() {
        assertThat(node.spec().outputs()).containsExactly(
                "case_1", "case_2", "case_3", "case_4", "case_5", "case_6", "case_7", "case_8", "default");
    }

    @Test
    void allowsOneToEightCases() {
        assertThatThrownBy(() -> NodeTestSupport.config(SwitchNode.Config.class, "{\"cases\": []}"))
                .hasMessageContaining("/cases");
        String nine = String.join(",", java.util.Collections.nCopies(9, "{\"condition\": {\"expression\": \"{{ true }}\"}}"));
        assertThatThrownBy(() -> NodeTestSupport.config(SwitchNode.Config.class, "{\"cases\": [" + nine + "]}"))
                .hasMessageContaining("/cases");
    }

    @Test
    void letsTheValidatorAcceptCaseOutputsAndRefuseOthers() {
        var validator = new WorkflowValidator(NodeCatalog.discover());
        String workflow = """
                {"schema_version": 1, "name": "s",
                 "trigger": {"id": "t", "type": "trigger.manual", "version": 1, "name": "T"},
                 "nodes": [{"id": "s", "type": "flow.switch", "version": 1, "name": "S",
                            "config": {"cases": [{"condition": {"expression": "{{ true }}"}}]}},
                           {"id": "a", "type": "core.noop", "version": 1, "name": "A"}],
                 "connections": [{"from": "t", "to": "s"}, {"from": "s", "to": "a", "output": "%s"}]}
                """;

        for (String output : List.of("case_1", "case_8", "default")) {
            assertThat(validator.validate(WorkflowFormat.parseJson(workflow.formatted(output)))).isEmpty();
        }
        assertThat(validator.validate(WorkflowFormat.parseJson(workflow.formatted("case_9"))))
                .extracting(ValidationProblem::code).containsExactly("invalid_output");
        assertThat(validator.validate(WorkflowFormat.parseJson(workflow.formatted("main"))))
                .extracting(ValidationProblem::code).containsExactly("invalid_output");
    }

    private String route(SwitchNode.Config config, String input) {
        return node.outputFor(node.execute(config, FakeNodeContext.withInput(input)));
    }
}
