package dev.automateos.engine.expression;

import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The data an expression can see. Each component is bound as a JSONata variable of the same name
 * ({@code $trigger}, {@code $input}, ...); {@code input} is also the context item, so a bare path
 * such as {@code title} reads {@code $input.title}. A {@code null} component is bound as JSON null.
 *
 * @param trigger   the trigger's output: body, headers, query, ...
 * @param input     the previous step's output
 * @param nodes     object of earlier nodes' outputs, keyed by node name
 * @param vars      the workflow's {@code vars}
 * @param execution execution id and times
 * @param workflow  workflow id, name and version
 * @param now       the engine clock's current instant, bound as an ISO-8601 string
 */
public record ExpressionScope(JsonNode trigger, JsonNode input, JsonNode nodes, JsonNode vars,
                              JsonNode execution, JsonNode workflow, Instant now) {

    /** A scope holding only an input; everything else is empty. Handy in tests. */
    public static ExpressionScope ofInput(JsonNode input, Instant now) {
        JsonNode empty = JsonNodeFactory.instance.objectNode();
        return new ExpressionScope(empty, input, empty, empty, empty, empty, now);
    }

    /** The variable names, without the {@code $}. */
    static final Set<String> NAMES = Set.of("trigger", "input", "nodes", "vars", "execution", "workflow", "now");

    /** One variable by name (one of {@link #NAMES}); null for a null component. */
    JsonNode variable(String name) {
        return switch (name) {
            case "trigger" -> trigger;
            case "input" -> input;
            case "nodes" -> nodes;
            case "vars" -> vars;
            case "execution" -> execution;
            case "workflow" -> workflow;
            case "now" -> now == null ? null : JsonNodeFactory.instance.stringNode(now.toString());
            default -> throw new IllegalArgumentException("No scope variable $" + name);
        };
    }
}
