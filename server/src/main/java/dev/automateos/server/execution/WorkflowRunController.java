package dev.automateos.server.execution;

import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.execution.ExecutionViews.Accepted;
import dev.automateos.server.execution.ExecutionViews.Finished;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Running a workflow by hand ({@code POST /run}) and its counters ({@code GET /stats}). */
@RestController
@RequestMapping("/api/v1/workflows/{id}")
class WorkflowRunController {

    /** The optional body of a run: the input becomes {@code $trigger.body}. */
    record RunRequest(JsonNode input) {
    }

    private final WorkflowRunService runs;

    WorkflowRunController(WorkflowRunService runs) {
        this.runs = runs;
    }

    @PostMapping("/run")
    ResponseEntity<Object> run(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
                               @RequestParam(required = false) Boolean wait,
                               @RequestParam(required = false) String timeout,
                               @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                               @RequestBody(required = false) RunRequest body) {
        var waitFor = Boolean.TRUE.equals(wait) ? ExecutionFilters.waitTimeout(timeout) : null;
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw dev.automateos.server.web.ApiException.invalidField("Idempotency-Key", "invalid_value",
                    "Idempotency-Key must be 1 to 255 characters.");
        }
        var result = runs.run(me, id, body == null ? null : body.input(), idempotencyKey, waitFor);
        if (result.outcome() != null) {
            return ResponseEntity.ok(Finished.of(result.outcome()));
        }
        var launched = result.launched();
        var accepted = Accepted.of(launched.executionId(),
                launched.ended() == null ? "queued" : launched.ended().status(), launched.duplicate());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(accepted.statusUrl())).body(accepted);
    }

    @GetMapping("/stats")
    ExecutionViews.Stats stats(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return runs.stats(me, id);
    }
}
