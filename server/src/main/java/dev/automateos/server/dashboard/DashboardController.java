package dev.automateos.server.dashboard;

import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only figures for the web app's dashboard, so that it needs two requests instead of one
 * per workflow. Callers see their own executions; admins and observers see everyone's.
 */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard")
class DashboardController {

    /** Two default pages of the workflow list; more ids would not fit a URL that every proxy accepts. */
    static final int MAX_WORKFLOWS = 100;

    private final DashboardQueries queries;

    DashboardController(DashboardQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/summary")
    @Operation(summary = "Runs and failures since a moment (default: the last 24 hours), and what is in progress now")
    DashboardSummary summary(@AuthenticationPrincipal AuthenticatedUser me,
                             @RequestParam(required = false) String since) {
        Instant from = since == null || since.isBlank() ? Instant.now().minusSeconds(24 * 3600) : instant(since);
        return queries.summary(me, from);
    }

    @GetMapping("/workflow-activity")
    @Operation(summary = "Last run, success rate and recent run statuses of the given workflows")
    WorkflowActivityList workflowActivity(@AuthenticationPrincipal AuthenticatedUser me,
                                          @RequestParam(name = "workflow_id", required = false) List<UUID> ids,
                                          @RequestParam(required = false) Integer recent) {
        List<UUID> distinct = ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
        if (distinct.size() > MAX_WORKFLOWS) {
            throw ApiException.invalidField("workflow_id", "too_many",
                    "Ask for at most " + MAX_WORKFLOWS + " workflows at once.");
        }
        int recentRuns = recent == null ? 20 : recent;
        if (recentRuns < 1 || recentRuns > 50) {
            throw ApiException.invalidField("recent", "out_of_range", "recent must be between 1 and 50.");
        }
        return new WorkflowActivityList(queries.activity(me, distinct, recentRuns));
    }

    private static Instant instant(String value) {
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("since", "invalid_value",
                    "since must be an ISO-8601 date-time with a zone, e.g. 2026-11-22T00:00:00Z.");
        }
    }
}
