package dev.automateos.server.workflow;

import dev.automateos.engine.json.JsonDiff;
import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reading a workflow's history: its versions, one version's document, and what changed between two. */
@Service
class WorkflowVersionService {

    private final WorkflowStore store;
    private final WorkflowAccess access;

    WorkflowVersionService(WorkflowStore store, WorkflowAccess access) {
        this.store = store;
        this.access = access;
    }

    Page<WorkflowVersion> versions(AuthenticatedUser me, UUID id, PageRequest page) {
        access.readable(me, id);
        var rows = store.versions(id, WorkflowCursor.decodeVersion(page), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), v -> PageRequest.encode(Integer.toString(v.version())));
    }

    WorkflowVersionDetail version(AuthenticatedUser me, UUID id, int version) {
        access.readable(me, id);
        return store.version(id, version).orElseThrow(() -> WorkflowService.versionNotFound(version));
    }

    WorkflowDiff diff(AuthenticatedUser me, UUID id, int from, int to) {
        access.readable(me, id);
        var before = store.version(id, from).orElseThrow(() -> WorkflowService.versionNotFound(from));
        var after = store.version(id, to).orElseThrow(() -> WorkflowService.versionNotFound(to));
        var changes = JsonDiff.diff(before.definition(), after.definition()).stream()
                .map(c -> new WorkflowDiff.Change(c.op(), c.path(), c.oldValue(), c.newValue()))
                .toList();
        return new WorkflowDiff(from, to, changes);
    }
}
