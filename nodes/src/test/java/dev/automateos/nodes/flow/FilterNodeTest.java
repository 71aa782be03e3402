package dev.automateos.nodes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.expression.ExpressionException;
import dev.automateos.engine.node.ConfigSchema;
import dev.automateos.engine.node.NodeFailure;
import dev.automateos.engine.workflow.WorkflowFormat;
import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import org.junit.jupiter.api.Test;

class FilterNodeTest {

    private static final String ORDER = """
            {"status": "Paid", "amount": 150, "email": "ada@example.com", "tags": ["vip"], "note": ""}
            """;

    private final FilterNode node = new FilterNode();

    @Test
    void passesTheInputThroughUnchangedWhenAllConditionsHold() {
        var context = FakeNodeContext.withInput(ORDER);
        var result = node.execute(config("""
                {"combinator": "and", "conditions": [
                  {"left": "{{ $input.status }}", "operator": "equals", "right": "paid", "case_sensitive": false},
                  {"left": "{{ $input.amount }}", "operator": "greater_than", "right": "100"},
                  {"left": "{{ $input.tags }}", "operator": "contains", "right": "vip"}]}
                """), context);

        assertThat(node.filtered(result)).isFalse();
        assertThat(NodeTestSupport.toJson(result)).isEqualTo(context.input());
        assertThat(context.logged()).isEmpty();
    }

    @Test
    void filtersAndLogsTheFirstFailingConditionOfAnAndGroup() {
        var context = FakeNodeContext.withInput(ORDER);
        var result = node.execute(config("""
                {"conditions": [
                  {"left": "{{ $input.amount }}", "operator": "greater_than", "right": "100"},
                  {"left": "{{ $input.amount }}", "operator": "less_than", "right": "120"},
                  {"left": "{{ $input.missing }}", "operator": "exists"}]}
                """), context);

        assertThat(node.filtered(result)).isTrue();
        assertThat(result.failures()).containsExactly("/condition/conditions/1: 150 less_than \"120\" is false");
        assertThat(context.logged()).singleElement().asString().startsWith("Filtered out: /condition/conditions/1");
    }

    @Test
    void passesAnOrGroupWhenOneConditionHoldsAndReportsAllWhenNoneDoes() {
        var context = FakeNodeContext.withInput(ORDER);
        String holds = """
                {"combinator": "or", "conditions": [
                  {"left": "{{ $input.note }}", "operator": "is_not_empty"},
                  {"left": "{{ $input.email }}", "operator": "ends_with", "right": "@example.com"}]}
                """;
        String fails = """
                {"combinator": "or", "conditions": [
                  {"left": "{{ $input.note }}", "operator": "is_not_empty"},
                  {"left": "{{ $input.email }}", "operator": "ends_with", "right": "@example.org"}]}
                """;

        assertThat(node.filtered(node.execute(config(holds), context))).isFalse();
        assertThat(node.execute(config(fails), context).failures()).hasSize(2);
    }

    @Test
    void evaluatesNestedGroups() {
        var result = node.execute(config("""
                {"combinator": "and", "conditions": [
                  {"left": "{{ $input.email }}", "operator": "matches_regex", "right": "^[^@]+@[^@]+$"},
                  {"combinator": "or", "conditions": [
                    {"left": "{{ $input.status }}", "operator": "equals", "right": "refunded"},
                    {"combinator": "and", "conditions": [
                      {"left": "{{ $input.amount }}", "operator": "greater_or_equal", "right": "150"},
                      {"left": "{{ $input.tags }}", "operator": "not_contains", "right": "blocked"}]}]}]}
                """), FakeNodeContext.withInput(ORDER));

        assertThat(node.filtered(result)).isFalse();
    }

    @Test
    void acceptsASingleBooleanExpressionInstead() {
        var context = FakeNodeContext.withInput(ORDER);

        assertThat(node.filtered(node.execute(config("{\"expression\": \"{{ amount > 100 }}\"}"), context))).isFalse();
        var filtered = node.execute(config("{\"expression\": \"{{ $input.nothing }}\"}"), context);
        assertThat(node.filtered(filtered)).isTrue();
        assertThat(filtered.failures()).containsExactly("/condition/expression: {{ $input.nothing }} gave null");
    }

    @Test
    void failsTheStepWhenTheExpressionIsNotABoolean() {
        assertThatThrownBy(() -> node.execute(config("{\"expression\": \"{{ $input.status }}\"}"),
                FakeNodeContext.withInput(ORDER)))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("true or false");
    }

    @Test
    void failsTheStepOnAnInvalidRegex() {
        assertThatThrownBy(() -> node.execute(config("""
                {"conditions": [{"left": "{{ $input.email }}", "operator": "matches_regex", "right": "[a-"}]}
                """), FakeNodeContext.withInput(ORDER)))
                .isInstanceOf(NodeFailure.class).hasMessageContaining("/[a-/ is not valid");
    }

    @Test
    void refusesBadConditionsInItsSchema() {
        var schema = ConfigSchema.of(FilterNode.Config.class);

        assertThat(schema.validate(WorkflowFormat.parseJson("{\"condition\": {\"conditions\": []}}"))).isNotEmpty();
        assertThat(schema.validate(WorkflowFormat.parseJson(
                "{\"condition\": {\"conditions\": [{\"left\": \"a\", \"operator\": \"like\", \"right\": \"b\"}]}}"))).isNotEmpty();
        assertThat(schema.validate(WorkflowFormat.parseJson(
                "{\"condition\": {\"combinator\": \"xor\", \"conditions\": [{\"left\": \"a\", \"operator\": \"exists\"}]}}")))
                .isNotEmpty();
        assertThat(schema.validate(WorkflowFormat.parseJson("{\"condition\": {\"expression\": \"{{ true }}\", \"x\": 1}}")))
                .isNotEmpty();
        assertThat(schema.validate(WorkflowFormat.parseJson("{}"))).isNotEmpty();
    }

    @Test
    void refusesARightValueForUnaryOperatorsAndAMissingOneForTheOthers() {
        assertThatThrownBy(() -> config("{\"conditions\": [{\"left\": \"a\", \"operator\": \"exists\", \"right\": \"b\"}]}"))
                .hasMessageContaining("'exists' takes no 'right' value");
        assertThatThrownBy(() -> config("{\"conditions\": [{\"left\": \"a\", \"operator\": \"equals\"}]}"))
                .hasMessageContaining("'equals' needs a 'right' value");
    }

    @Test
    void refusesGroupsNestedDeeperThanFiveLevels() {
        String rule = "{\"left\": \"a\", \"operator\": \"exists\"}";
        String five = rule;
        for (int i = 0; i < 5; i++) {
            five = "{\"conditions\": [" + five + "]}";
        }
        String six = "{\"conditions\": [" + five + "]}";

        assertThat(config(five)).isNotNull();
        assertThatThrownBy(() -> config(six)).hasMessageContaining("at most 5 levels");
    }

    private static FilterNode.Config config(String condition) {
        String json = "{\"condition\": " + condition + "}";
        return NodeTestSupport.config(FilterNode.Config.class, json);
    }
}
