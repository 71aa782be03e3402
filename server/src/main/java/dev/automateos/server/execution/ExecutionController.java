package dev.automateos.server.execution;

import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.execution.ExecutionViews.Accepted;
import dev.automateos.server.execution.ExecutionViews.Detail;
import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The execution history: list, detail, delete, cancel and re-run. */
@RestController
@RequestMapping("/api/v1/executions")
class ExecutionController {

    private final ExecutionService executions;

    ExecutionController(ExecutionService executions) {
        this.executions = executions;
    }

    @GetMapping
    Page<ExecutionSummary> list(@AuthenticationPrincipal AuthenticatedUser me,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(name = "workflow_id", required = false) String workflowId,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) String trigger,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        var filters = new ExecutionQuery(null, ExecutionFilters.uuid("workflow_id", workflowId),
                ExecutionFilters.oneOf("status", status, ExecutionFilters.STATUSES),
                ExecutionFilters.oneOf("trigger", trigger, ExecutionFilters.TRIGGERS),
                ExecutionFilters.instant("from", from), ExecutionFilters.instant("to", to));
        return executions.list(me, filters, PageRequest.of(limit, cursor, 2));
    }

    @GetMapping("/{id}")
    Detail get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return executions.get(me, id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        executions.delete(me, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/cancel")
    ExecutionSummary cancel(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return executions.cancel(me, id);
    }

    @PostMapping("/{id}/rerun")
    ResponseEntity<Accepted> rerun(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
                                   @RequestParam(required = false) String from) {
        Accepted accepted = executions.rerun(me, id, from);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(accepted.statusUrl())).body(accepted);
    }
}
