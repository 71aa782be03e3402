package dev.automateos.server.schedule;

import dev.automateos.server.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** When a workflow's schedule trigger fires next. Scopes are checked by the security config. */
@RestController
@RequestMapping("/api/v1/workflows/{id}/triggers")
class ScheduleController {

    private final SchedulePreview preview;

    ScheduleController(SchedulePreview preview) {
        this.preview = preview;
    }

    @GetMapping("/next")
    @Operation(summary = "The next fire times of the workflow's schedule trigger (current version, active or not)",
            description = "409 not_a_schedule when the trigger is not trigger.schedule. See docs/schedules.md.")
    NextFireTimes nextFireTimes(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
                                @Parameter(description = "How many times, 1 to 100 (default 5)")
                                @RequestParam(required = false) Integer count) {
        return preview.next(me, id, count);
    }
}
