package dev.automateos.server.workflow;

import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.web.ApiException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Loads a workflow for a caller. Another user's workflow answers 404 exactly like a missing one,
 * for reads and writes alike, so ids never reveal what exists.
 */
@Component
class WorkflowAccess {

    private final WorkflowStore store;

    WorkflowAccess(WorkflowStore store) {
        this.store = store;
    }

    WorkflowSummary readable(AuthenticatedUser me, UUID id) {
        return store.find(id).filter(w -> me.canSee(w.ownerId())).orElseThrow(WorkflowAccess::notFound);
    }

    WorkflowSummary changeable(AuthenticatedUser me, UUID id) {
        return check(me, store.find(id).orElseThrow(WorkflowAccess::notFound));
    }

    /** As {@link #changeable}, and locks the row for the rest of the caller's transaction. */
    WorkflowSummary lockChangeable(AuthenticatedUser me, UUID id) {
        return check(me, store.findForUpdate(id).orElseThrow(WorkflowAccess::notFound));
    }

    private static WorkflowSummary check(AuthenticatedUser me, WorkflowSummary workflow) {
        if (!me.canChange(workflow.ownerId())) {
            // Observers reach here only with a read-only key's worth of rights, which security refuses
            // earlier; anyone else must not learn the workflow exists.
            throw me.canSee(workflow.ownerId())
                    ? ApiException.forbidden("forbidden", "You may read this workflow but not change it.")
                    : notFound();
        }
        return workflow;
    }

    static ApiException notFound() {
        return ApiException.notFound("The workflow");
    }
}
