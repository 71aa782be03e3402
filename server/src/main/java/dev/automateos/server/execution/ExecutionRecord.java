package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionState;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One stored execution: the engine's state plus what the engine does not know (owner, trigger kind,
 * idempotency key, a draft document) and the optimistic-lock revision.
 *
 * @param draftDefinition the document a test run executes instead of a stored version; null otherwise
 * @param revision        bumped by every save; a save against an older revision fails
 */
record ExecutionRecord(ExecutionState state, UUID ownerId, String triggerKind, String idempotencyKey,
                       JsonNode draftDefinition, long revision) {

    UUID id() {
        return state.id();
    }

    ExecutionRecord with(ExecutionState next) {
        return new ExecutionRecord(next, ownerId, triggerKind, idempotencyKey, draftDefinition, revision + 1);
    }
}
