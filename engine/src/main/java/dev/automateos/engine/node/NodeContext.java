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

    /**
     * The only HTTP client a node may use. Every request's address passes the outbound guard
     * (cloud metadata addresses are refused; private ranges by setting).
     */
    OutboundHttp http();

    /**
     * A credential of the workflow's owner, decrypted, of the expected kind. Never log it, return
     * it or put it in the result. Throws {@link CredentialUnavailableException} when it does not
     * exist, belongs to someone else, or is of another kind.
     */
    <T extends CredentialSecret> T credential(String credentialId, Class<T> kind);

    /**
     * A stable key for this step's outside effects (execution id and node id), the same on every
     * attempt and after a crash. Send it where the remote API supports one, e.g. {@code Idempotency-Key}.
     */
    String idempotencyKey();
}
