package dev.automateos.server.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Workflows and their immutable, numbered versions. Methods that write several rows do not open
 * a transaction themselves: the caller runs them inside one, so a failed save leaves nothing.
 * The store does not check who may see what; that is the caller's job.
 */
public interface WorkflowStore {

    /** Where a page ends: the sort key of its last row ({@code updated_at desc, id desc}). */
    record Keyset(Instant updatedAt, UUID id) {
    }

    /** Who saved a version, when, and why. */
    record Stamp(UUID by, Instant at, String message) {
    }

    /**
     * Up to {@code limit} workflows matching {@code query}, newest change first
     * ({@code updated_at desc, id desc}), strictly after {@code after} when it is not null.
     */
    List<WorkflowSummary> list(WorkflowQuery query, Keyset after, int limit);

    Optional<WorkflowSummary> find(UUID id);

    /** Like {@link #find}, and locks the row until the caller's transaction ends. */
    Optional<WorkflowSummary> findForUpdate(UUID id);

    /**
     * Creates an inactive workflow whose version 1 is {@code doc}.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the owner already has a workflow
     *         of that name, compared case-insensitively
     */
    WorkflowSummary create(UUID id, UUID ownerId, WorkflowDocument doc, Stamp stamp);

    /**
     * Saves {@code doc} as version {@code current.version() + 1} and makes it current. The caller
     * holds the row lock ({@link #findForUpdate}) and passes the row it read.
     *
     * @throws org.springframework.dao.DuplicateKeyException as {@link #create} does
     */
    WorkflowSummary append(WorkflowSummary current, WorkflowDocument doc, Stamp stamp);

    WorkflowSummary setActive(WorkflowSummary current, boolean active, Instant at);

    /** Deletes the workflow with all its versions; false when there was none. */
    boolean delete(UUID id);

    /** Up to {@code limit} versions, newest first, strictly older than {@code before} when not null. */
    List<WorkflowVersion> versions(UUID workflowId, Integer before, int limit);

    Optional<WorkflowVersionDetail> version(UUID workflowId, int version);
}
