package dev.automateos.server.execution;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The execution feature's read facade for other features (live events): who owns an execution,
 * which workflow it belongs to, and how it ended. No access checks here; callers apply
 * {@code AuthenticatedUser.canSee} and answer 404 like for a missing execution.
 */
@Component
public class ExecutionDirectory {

    /** The indexed facts of one execution. {@code status}: queued … cancelled, as in the API. */
    public record Facts(UUID id, UUID workflowId, UUID ownerId, String status, boolean finished, Instant finishedAt,
                        Long durationMs, String errorCode, String errorMessage) {
    }

    private static final java.util.Set<String> FINAL = java.util.Set.of("succeeded", "failed", "cancelled");

    private final ExecutionStore store;

    ExecutionDirectory(ExecutionStore store) {
        this.store = store;
    }

    public Optional<Facts> find(UUID id) {
        return store.summary(id).map(s -> new Facts(s.id(), s.workflowId(), s.ownerId(), s.status(),
                FINAL.contains(s.status()), s.finishedAt(), s.durationMs(), s.errorCode(),
                s.errorMessage()));
    }
}
