package dev.automateos.server.execution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Executions on the Store, the source of truth. Methods do not open transactions; callers that
 * write with the queue (launch, save + timers) run them inside one. No access checks here.
 */
interface ExecutionStore {

    /** Where a page ends: the sort key of its last row ({@code created_at desc, id desc}). */
    record Keyset(Instant createdAt, UUID id) {
    }

    /**
     * Inserts a new execution (revision 0).
     *
     * @throws org.springframework.dao.DuplicateKeyException when its idempotency key was used for the workflow
     */
    void insert(ExecutionRecord execution);

    /**
     * The same insert in two parts: serializes the execution now, on the caller's thread, and
     * returns the write itself, to run later inside a transaction (for {@code GroupCommit}, whose
     * leader should spend its time writing, not serializing others' states).
     */
    Runnable prepareInsert(ExecutionRecord execution);

    /** {@link #save} in two parts, like {@link #prepareInsert}: serializes now, writes when the answer is asked for. */
    BooleanSupplier prepareSave(ExecutionRecord next, long expectedRevision);

    /**
     * Writes {@code next} (revision = {@code expectedRevision + 1}) if the stored revision is still
     * {@code expectedRevision}.
     *
     * @return false when someone else saved in between (reload and decide again)
     */
    boolean save(ExecutionRecord next, long expectedRevision);

    Optional<ExecutionRecord> find(UUID id);

    /** Unfinished executions whose deadline is before {@code before}, most overdue first (for the watchdog). */
    List<UUID> overdue(Instant before, int limit);

    Optional<ExecutionSummary> summary(UUID id);

    Optional<UUID> findByIdempotencyKey(UUID workflowId, String idempotencyKey);

    /** Newest first, strictly after {@code after} when not null. */
    List<ExecutionSummary> list(ExecutionQuery query, Keyset after, int limit);

    boolean delete(UUID id);

    /** Durations (ms) of the latest {@code limit} finished runs of a workflow, newest first. */
    List<Long> recentDurations(UUID workflowId, int limit);

    /** Counts by status of a workflow's stored executions. */
    java.util.Map<String, Long> countByStatus(UUID workflowId);
}
