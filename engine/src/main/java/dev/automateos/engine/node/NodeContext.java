package dev.automateos.engine.node;

import dev.automateos.engine.expression.Template;
import java.time.Clock;
import tools.jackson.databind.JsonNode;

/**
 * What a running node may use, and nothing more. Kept narrow on purpose: credentials and HTTP
 * arrive as methods here when the node types that need them do.
 */
public interface NodeContext {

    /**
     * Renders a template against this step's data ({@code $trigger}, {@code $input}, {@code $nodes},
     * {@code $vars}, {@code $now}, ...) and converts the result to the template's type. Throws
     * {@link dev.automateos.engine.expression.ExpressionException} when evaluation fails.
     */
    <T> T render(Template<T> template);

    /** The step's input: the previous node's output, or the trigger payload for a trigger. Never null (JSON null instead). */
    JsonNode input();

    /** The engine's clock; nodes never read the system time directly, so tests can move time by hand. */
    Clock clock();

    /** Adds a line to the step's log, shown with the execution. Never pass secrets. */
    void log(String message);
}
