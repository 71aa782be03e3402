package dev.automateos.server.workflow;

import static dev.automateos.server.workflow.WorkflowBodies.JSON;
import static dev.automateos.server.workflow.WorkflowBodies.TEXT_YAML;
import static dev.automateos.server.workflow.WorkflowBodies.X_YAML;
import static dev.automateos.server.workflow.WorkflowBodies.YAML;

import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Workflows as a collection: list, create, read, save a new version, (de)activate, delete. */
@RestController
@RequestMapping("/api/v1/workflows")
class WorkflowController {

    private final WorkflowService workflows;

    WorkflowController(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @GetMapping
    Page<WorkflowSummary> list(@AuthenticationPrincipal AuthenticatedUser me,
                               @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) String name,
                               @RequestParam(required = false) String active,
                               @RequestParam(required = false) String tag) {
        var filters = new WorkflowQuery(null, WorkflowRequests.filter(name), WorkflowRequests.active(active),
                WorkflowRequests.filter(tag));
        return workflows.list(me, filters, PageRequest.of(limit, cursor, WorkflowCursor.PARTS));
    }

    @PostMapping(consumes = {JSON, YAML, TEXT_YAML, X_YAML})
    ResponseEntity<WorkflowDetail> create(@AuthenticationPrincipal AuthenticatedUser me,
                                          @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                          @WorkflowDocumentBody @RequestBody byte[] body) {
        return created(workflows.create(me, WorkflowBodies.parse(body, contentType)));
    }

    @GetMapping("/{id}")
    ResponseEntity<WorkflowDetail> get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return withEtag(workflows.get(me, id));
    }

    /** Saves the body as the next version; {@code If-Match: "N"} refuses if someone saved since version N. */
    @PutMapping(path = "/{id}", consumes = {JSON, YAML, TEXT_YAML, X_YAML})
    ResponseEntity<WorkflowDetail> update(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
                                          @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @RequestParam(required = false) String message,
                                          @WorkflowDocumentBody @RequestBody byte[] body) {
        var doc = WorkflowBodies.parse(body, contentType);
        return withEtag(workflows.update(me, id, doc, WorkflowRequests.ifMatch(ifMatch),
                WorkflowRequests.message(message)));
    }

    @PatchMapping("/{id}")
    ResponseEntity<WorkflowDetail> activate(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
                                            @Valid @RequestBody ActivationRequest request) {
        return withEtag(workflows.setActive(me, id, request.active()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        workflows.delete(me, id);
        return ResponseEntity.noContent().build();
    }

    static ResponseEntity<WorkflowDetail> created(WorkflowDetail workflow) {
        return ResponseEntity.created(URI.create("/api/v1/workflows/" + workflow.id()))
                .eTag(WorkflowRequests.etag(workflow.version())).body(workflow);
    }

    static ResponseEntity<WorkflowDetail> withEtag(WorkflowDetail workflow) {
        return ResponseEntity.ok().eTag(WorkflowRequests.etag(workflow.version())).body(workflow);
    }
}
