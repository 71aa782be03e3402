package dev.automateos.nodes.flow;

import dev.automateos.engine.expression.Template;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.NotNull;

/**
 * A condition written as one expression. A result of null (a missing field) counts as false; any
 * other value that is not a boolean fails the step, because guessing truthiness hides mistakes.
 */
public record BooleanExpression(
        @Ui(description = "An expression giving true or false.", placeholder = "{{ $input.amount > 100 }}")
        @NotNull Template<Boolean> expression) implements Criteria {}
