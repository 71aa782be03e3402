package dev.automateos.engine.execution;

import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionEvent.StepFailed;
import dev.automateos.engine.execution.ExecutionPlan.PlanNode;
import dev.automateos.engine.expression.ExpressionException;
import dev.automateos.engine.node.CredentialUnavailableException;
import dev.automateos.engine.node.NodeFailure;
import dev.automateos.engine.node.OutboundRefusedException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Turns what a node threw into a {@link StepFailed}: a stable code, a message naming the node, and
 * whether a retry may help. Mistakes in the workflow (expressions, config, refused addresses,
 * missing credentials) are not retryable; I/O trouble and interruptions are; a {@link NodeFailure}
 * says for itself.
 */
final class StepFailures {

    private StepFailures() {}

    static StepFailed classify(Throwable thrown, PlanNode node, RunStep command, List<String> log) {
        String who = "Node '" + node.name() + "' (" + node.id() + ", " + node.type() + "@" + node.version() + ")";
        ExpressionException expression = find(thrown, ExpressionException.class);
        if (expression != null) {
            return failed(command, log, "expression_failed", who + ": " + expression.getMessage(), false);
        }
        OutboundRefusedException refused = find(thrown, OutboundRefusedException.class);
        if (refused != null) {
            return failed(command, log, "outbound_refused", who + ": " + refused.getMessage(), false);
        }
        CredentialUnavailableException credential = find(thrown, CredentialUnavailableException.class);
        if (credential != null) {
            return failed(command, log, "credential_unavailable", who + ": " + credential.getMessage(), false);
        }
        NodeFailure deliberate = find(thrown, NodeFailure.class);
        if (deliberate != null) {
            // The node classified its own failure: keep its code and its say on retrying.
            return failed(command, log, deliberate.code(), who + ": " + deliberate.getMessage(), deliberate.retryable());
        }
        InterruptedException interrupted = find(thrown, InterruptedException.class);
        if (interrupted != null) {
            // Keep the flag for whoever owns this thread; the attempt itself may be retried.
            Thread.currentThread().interrupt();
            return failed(command, log, "interrupted", who + " was interrupted.", true);
        }
        IOException io = find(thrown, IOException.class);
        TimeoutException timeout = find(thrown, TimeoutException.class);
        if (io != null || timeout != null) {
            Throwable cause = io != null ? io : timeout;
            return failed(command, log, "io_error", who + ": " + describe(cause), true);
        }
        return failed(command, log, "node_error", who + " failed: " + describe(thrown), false);
    }

    static StepFailed failed(RunStep command, List<String> log, String code, String message, boolean retryable) {
        return new StepFailed(command.stepId(), command.attempt(), code, message, retryable, log);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }
}
