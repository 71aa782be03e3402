package dev.automateos.server.workflow;

import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.FieldProblem;
import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Saving, reading, activating and deleting workflows. Every save is validated first and then
 * written in one transaction (workflow row, tags and version together, or nothing).
 */
@Service
class WorkflowService {

    private final WorkflowStore store;
    private final WorkflowAccess access;
    private final WorkflowChecker checker;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<WorkflowSaveListener> listeners;
    private final List<WorkflowActivationListener> activationListeners;

    WorkflowService(WorkflowStore store, WorkflowAccess access, WorkflowChecker checker,
                    PlatformTransactionManager transactions, Clock clock, List<WorkflowSaveListener> listeners,
                    List<WorkflowActivationListener> activationListeners) {
        this.store = store;
        this.access = access;
        this.checker = checker;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.activationListeners = List.copyOf(activationListeners);
    }

    Page<WorkflowSummary> list(AuthenticatedUser me, WorkflowQuery filters, PageRequest page) {
        var query = new WorkflowQuery(me.role().seesAll() ? null : me.id(), filters.name(), filters.active(),
                filters.tag());
        List<WorkflowSummary> rows = store.list(query, WorkflowCursor.decode(page), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), WorkflowCursor::encode);
    }

    WorkflowDetail get(AuthenticatedUser me, UUID id) {
        return detail(access.readable(me, id));
    }

    WorkflowDetail create(AuthenticatedUser me, JsonNode json) {
        WorkflowDocument doc = checker.requireValid(json);
        var stamp = new WorkflowStore.Stamp(me.id(), now(), null);
        WorkflowSummary created = inTransaction(() -> saved(store.create(UUID.randomUUID(), me.id(), doc, stamp), doc));
        return WorkflowDetail.of(created, doc.definition());
    }

    /**
     * Saves {@code json} as the next version. A document equal to the current one saves nothing
     * and answers the workflow as it is, so a retried save does not grow the history.
     */
    WorkflowDetail update(AuthenticatedUser me, UUID id, JsonNode json, Integer ifMatch, String message) {
        access.changeable(me, id);
        WorkflowDocument doc = checker.requireValid(json);
        return inTransaction(() -> save(me, access.lockChangeable(me, id), doc, ifMatch, message));
    }

    /** Saves an older version's document as the next version, validated against today's catalog. */
    WorkflowDetail restore(AuthenticatedUser me, UUID id, int version, Integer ifMatch, String message) {
        access.changeable(me, id);
        JsonNode old = store.version(id, version).orElseThrow(() -> versionNotFound(version)).definition();
        WorkflowDocument doc = checker.requireValid(old);
        String note = message != null ? message : "Restored version " + version + ".";
        return inTransaction(() -> save(me, access.lockChangeable(me, id), doc, ifMatch, note));
    }

    WorkflowDetail setActive(AuthenticatedUser me, UUID id, boolean active) {
        return inTransaction(() -> {
            WorkflowSummary current = access.lockChangeable(me, id);
            JsonNode definition = definition(current);
            if (current.active() == active) {
                return WorkflowDetail.of(current, definition);
            }
            if (active) {
                // A node type the workflow uses may have gone since it was saved.
                List<FieldProblem> problems = checker.problems(definition);
                if (!problems.isEmpty()) {
                    throw WorkflowChecker.invalid(problems);
                }
            }
            WorkflowSummary changed = store.setActive(current, active, now());
            activationListeners.forEach(l -> l.activationChanged(changed, definition));
            return WorkflowDetail.of(changed, definition);
        });
    }

    void delete(AuthenticatedUser me, UUID id) {
        inTransaction(() -> store.delete(access.lockChangeable(me, id).id()));
    }

    private WorkflowDetail save(AuthenticatedUser me, WorkflowSummary current, WorkflowDocument doc,
                                Integer ifMatch, String message) {
        if (ifMatch != null && ifMatch != current.version()) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "version_conflict", "The workflow is at version "
                    + current.version() + ", not " + ifMatch + "; reload it and apply your change again.");
        }
        JsonNode currentDefinition = definition(current);
        if (currentDefinition.equals(doc.definition())) {
            return WorkflowDetail.of(current, currentDefinition);
        }
        var stamp = new WorkflowStore.Stamp(me.id(), now(), message);
        return WorkflowDetail.of(saved(store.append(current, doc, stamp), doc), doc.definition());
    }

    private WorkflowSummary saved(WorkflowSummary workflow, WorkflowDocument doc) {
        listeners.forEach(l -> l.saved(workflow.id(), workflow.ownerId(), doc.definition()));
        return workflow;
    }

    private WorkflowDetail detail(WorkflowSummary workflow) {
        return WorkflowDetail.of(workflow, definition(workflow));
    }

    private JsonNode definition(WorkflowSummary workflow) {
        return store.version(workflow.id(), workflow.version())
                .orElseThrow(() -> new IllegalStateException("Workflow " + workflow.id() + " lacks its version "
                        + workflow.version()))
                .definition();
    }

    private <T> T inTransaction(Supplier<T> work) {
        try {
            return tx.execute(status -> work.get());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("workflow_name_taken",
                    "You already have a workflow with this name (names are compared ignoring case).");
        }
    }

    /** Microseconds: what both databases keep, so a response and a later read show the same time. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ApiException versionNotFound(int version) {
        return ApiException.notFound("Version " + version + " of the workflow");
    }
}
