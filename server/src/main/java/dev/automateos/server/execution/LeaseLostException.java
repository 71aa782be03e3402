package dev.automateos.server.execution;

import java.util.UUID;

/**
 * The worker's lease on an item ran out and another worker holds it now: this one must stop
 * without saving anything, or it would write over the work of the new holder.
 */
final class LeaseLostException extends RuntimeException {

    LeaseLostException(UUID executionId) {
        super("The lease on execution " + executionId + " went to another worker; this one stops working on it.");
    }
}
