package dev.automateos.nodes.flow;

import dev.automateos.engine.expression.Template;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

/**
 * One comparison: {@code left operator right}. Both sides are templates, so they may be fixed text
 * ({@code "100"}) or expressions keeping their JSON type ({@code "{{ $input.amount }}"}).
 *
 * @param caseSensitive for text comparisons and regular expressions; default true
 */
public record Condition(
        @Ui(description = "The value to test, usually an expression.", placeholder = "{{ $input.amount }}")
        @NotNull Template<JsonNode> left,
        @NotNull Operator operator,
        @Ui(description = "The value to compare with; not used by exists, not_exists, is_empty, is_not_empty.")
        Template<JsonNode> right,
        Boolean caseSensitive) implements Rule {

    public Condition {
        caseSensitive = caseSensitive == null ? Boolean.TRUE : caseSensitive;
        if (operator != null && operator.unary() && right != null) {
            throw new IllegalArgumentException("'" + operator.id() + "' takes no 'right' value; remove it.");
        }
        if (operator != null && !operator.unary() && right == null) {
            throw new IllegalArgumentException("'" + operator.id() + "' needs a 'right' value.");
        }
    }

    @Override
    public int height() {
        return 0;
    }
}
