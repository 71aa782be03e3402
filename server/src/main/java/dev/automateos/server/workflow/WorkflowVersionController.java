package dev.automateos.server.workflow;

import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A workflow's history: its immutable versions, the difference between two, and restoring one. */
@RestController
@RequestMapping("/api/v1/workflows/{id}")
class WorkflowVersionController {

    private final WorkflowVersionService versions;
    private final WorkflowService workflows;

    WorkflowVersionController(WorkflowVersionService versions, WorkflowService workflows) {
        this.versions = versions;
        this.workflows = workflows;
    }

    @GetMapping("/versions")
    Page<WorkflowVersion> list(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
                               @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor) {
        return versions.versions(me, id, PageRequest.of(limit, cursor, 1));
    }

    @GetMapping("/versions/{version}")
    WorkflowVersionDetail get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
                              @PathVariable int version) {
        return versions.version(me, id, version);
    }

    @GetMapping("/diff")
    WorkflowDiff diff(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
                      @RequestParam Integer from, @RequestParam Integer to) {
        return versions.diff(me, id, WorkflowRequests.version("from", from), WorkflowRequests.version("to", to));
    }

    /** Saves version {@code version}'s document as a new version; the history itself never changes. */
    @PostMapping("/versions/{version}/restore")
    ResponseEntity<WorkflowDetail> restore(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
                                           @PathVariable int version,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestParam(required = false) String message) {
        return WorkflowController.withEtag(workflows.restore(me, id, version, WorkflowRequests.ifMatch(ifMatch),
                WorkflowRequests.message(message)));
    }
}
