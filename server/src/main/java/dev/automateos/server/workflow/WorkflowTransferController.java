package dev.automateos.server.workflow;

import static dev.automateos.server.workflow.WorkflowBodies.JSON;
import static dev.automateos.server.workflow.WorkflowBodies.TEXT_YAML;
import static dev.automateos.server.workflow.WorkflowBodies.X_YAML;
import static dev.automateos.server.workflow.WorkflowBodies.YAML;

import dev.automateos.engine.workflow.WorkflowFormat;
import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/** Workflow documents in and out as files: export, import, and a dry-run validation. */
@RestController
@RequestMapping("/api/v1/workflows")
class WorkflowTransferController {

    private final WorkflowService workflows;
    private final WorkflowChecker checker;

    WorkflowTransferController(WorkflowService workflows, WorkflowChecker checker) {
        this.workflows = workflows;
        this.checker = checker;
    }

    /** The current document only, ready to import elsewhere; {@code ?format=} wins over Accept. */
    @GetMapping(path = "/{id}/export", produces = {JSON, YAML, TEXT_YAML, X_YAML, MediaType.ALL_VALUE})
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
                                  @RequestParam(required = false) String format,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean yaml = yaml(format, accept);
        WorkflowDetail workflow = workflows.get(me, id);
        String text = yaml ? WorkflowFormat.toYaml(workflow.definition()) : WorkflowFormat.toJson(workflow.definition());
        String file = slug(workflow.name()) + (yaml ? ".yaml" : ".json");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(yaml ? YAML : JSON), StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates a workflow from an exported file, JSON or YAML, exactly like {@code POST /api/v1/workflows}. */
    @PostMapping(path = "/import", consumes = {JSON, YAML, TEXT_YAML, X_YAML})
    ResponseEntity<WorkflowDetail> importDocument(@AuthenticationPrincipal AuthenticatedUser me,
                                                  @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                                  @WorkflowDocumentBody @RequestBody byte[] body) {
        return WorkflowController.created(workflows.create(me, WorkflowBodies.parse(body, contentType)));
    }

    /** Says what a save of this document would refuse, without saving anything. */
    @PostMapping(path = "/validate", consumes = {JSON, YAML, TEXT_YAML, X_YAML})
    ValidationResult validate(@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                              @WorkflowDocumentBody @RequestBody byte[] body) {
        var problems = checker.problems(WorkflowBodies.parse(body, contentType));
        return new ValidationResult(problems.isEmpty(), problems);
    }

    private static boolean yaml(String format, String accept) {
        if (format != null && !format.isEmpty()) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> false;
                case "yaml", "yml" -> true;
                default -> throw ApiException.invalidField("format", "invalid_value", "format must be json or yaml.");
            };
        }
        if (accept == null) {
            return false;
        }
        return MediaType.parseMediaTypes(accept).stream()
                .filter(t -> !t.isWildcardType())
                .findFirst()
                .map(t -> t.getSubtype().contains("yaml"))
                .orElse(false);
    }

    /** A file name from the workflow name: lower case, letters and digits, dashes between. */
    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "workflow" : slug;
    }
}
