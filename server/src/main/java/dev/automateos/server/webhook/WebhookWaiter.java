package dev.automateos.server.webhook;

import dev.automateos.server.execution.ExecutionOutcome;
import dev.automateos.server.execution.ExecutionOutcomes;
import dev.automateos.server.execution.LaunchedExecution;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The {@code when_finished} response mode: waits for the run, up to
 * {@code automateos.webhook.sync-timeout} (default 30 s), then answers with its result. A run that
 * takes longer is answered 202 with its status URL, so no proxy in between times out.
 */
@Component
class WebhookWaiter {

    private final ObjectProvider<ExecutionOutcomes> outcomes;
    private final Duration timeout;

    WebhookWaiter(ObjectProvider<ExecutionOutcomes> outcomes,
                  @Value("${automateos.webhook.sync-timeout:30s}") Duration timeout) {
        this.outcomes = outcomes;
        this.timeout = timeout;
    }

    ResponseEntity<?> reply(LaunchedExecution launched, HttpServletRequest request) {
        ExecutionOutcomes available = outcomes.getIfAvailable();
        if (available == null) {
            return WebhookReplies.accepted(launched.executionId(), launched.duplicate());
        }
        ExecutionOutcome outcome;
        CompletableFuture<ExecutionOutcome> finished = null;
        try {
            if (launched.ended() != null) {
                outcome = launched.ended();
            } else {
                finished = available.whenFinished(launched.executionId());
                outcome = finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            finished.cancel(false); // nobody waits any more: let the outcome watcher stop
            return WebhookReplies.accepted(launched.executionId(), launched.duplicate());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished.cancel(false);
            return WebhookReplies.accepted(launched.executionId(), launched.duplicate());
        } catch (ExecutionException e) {
            // The execution is committed whatever went wrong while waiting: the caller can follow it.
            return WebhookReplies.accepted(launched.executionId(), launched.duplicate());
        }
        if (outcome.reply() == null && !"succeeded".equals(outcome.status())) {
            return WebhookReplies.failed(outcome, request);
        }
        return WebhookReplies.finished(outcome);
    }
}
