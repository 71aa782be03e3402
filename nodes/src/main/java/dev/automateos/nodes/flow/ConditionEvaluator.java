package dev.automateos.nodes.flow;

import dev.automateos.engine.node.NodeContext;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Decides {@link Criteria} for one step: renders each condition's sides and applies its operator.
 * {@code and} stops at the first condition that fails, {@code or} at the first that holds. The
 * failures are described by where they are in the config ({@code /condition/conditions/1}), so a
 * person can see why a branch was not taken.
 */
final class ConditionEvaluator {

    /**
     * @param holds    whether the criteria hold
     * @param failures for each condition that did not hold (only when {@code holds} is false): its
     *                 location and what was compared
     */
    record Decision(boolean holds, List<String> failures) {}

    private ConditionEvaluator() {}

    /** @param pointer where the criteria are in the config, e.g. {@code /condition} */
    static Decision decide(Criteria criteria, String pointer, NodeContext context) {
        List<String> failures = new ArrayList<>();
        boolean holds = switch (criteria) {
            case BooleanExpression expression -> expression(expression, pointer, context, failures);
            case ConditionGroup group -> group(group, pointer, context, failures);
        };
        return new Decision(holds, holds ? List.of() : List.copyOf(failures));
    }

    private static boolean expression(BooleanExpression expression, String pointer, NodeContext context,
                                      List<String> failures) {
        Boolean value = context.render(expression.expression());
        if (Boolean.TRUE.equals(value)) {
            return true;
        }
        failures.add(pointer + "/expression: " + expression.expression().source() + " gave " + value);
        return false;
    }

    private static boolean group(ConditionGroup group, String pointer, NodeContext context, List<String> failures) {
        boolean and = group.combinator() == ConditionGroup.Combinator.AND;
        for (int i = 0; i < group.conditions().size(); i++) {
            String at = pointer + "/conditions/" + i;
            boolean holds = switch (group.conditions().get(i)) {
                case Condition condition -> condition(condition, at, context, failures);
                case ConditionGroup nested -> group(nested, at, context, failures);
            };
            if (holds != and) {
                return holds;
            }
        }
        return and;
    }

    private static boolean condition(Condition condition, String pointer, NodeContext context, List<String> failures) {
        JsonNode left = context.render(condition.left());
        JsonNode right = condition.right() == null ? null : context.render(condition.right());
        boolean holds = Comparisons.test(condition.operator(), left, right, condition.caseSensitive());
        if (!holds) {
            failures.add(pointer + ": " + shown(left) + " " + condition.operator().id()
                    + (right == null ? "" : " " + shown(right)) + " is false");
        }
        return holds;
    }

    private static String shown(JsonNode value) {
        String text = value == null ? "null" : value.toString();
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
