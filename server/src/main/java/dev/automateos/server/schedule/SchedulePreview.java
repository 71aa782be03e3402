package dev.automateos.server.schedule;

import dev.automateos.engine.json.EngineJson;
import dev.automateos.nodes.trigger.ScheduleTimes;
import dev.automateos.nodes.trigger.ScheduleTrigger;
import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.FieldProblem;
import dev.automateos.server.workflow.WorkflowStore;
import dev.automateos.server.workflow.WorkflowSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Answers when a workflow's schedule trigger fires next, for its current version, active or not.
 * Anyone who may read the workflow may ask; another user's workflow is not found, like a missing one.
 */
@Service
class SchedulePreview {

    static final int DEFAULT_COUNT = 5;
    static final int MAX_COUNT = 100;

    private final WorkflowStore workflows;
    private final Clock clock;

    SchedulePreview(WorkflowStore workflows, Clock clock) {
        this.workflows = workflows;
        this.clock = clock;
    }

    NextFireTimes next(AuthenticatedUser me, UUID workflowId, Integer count) {
        int wanted = count == null ? DEFAULT_COUNT : count;
        if (wanted < 1 || wanted > MAX_COUNT) {
            throw ApiException.invalidField("count", "out_of_range", "count must be between 1 and " + MAX_COUNT + ".");
        }
        WorkflowSummary workflow = workflows.find(workflowId).filter(w -> me.canSee(w.ownerId()))
                .orElseThrow(() -> ApiException.notFound("The workflow"));
        JsonNode definition = workflows.version(workflow.id(), workflow.version())
                .orElseThrow(() -> ApiException.notFound("The workflow")).definition();
        ScheduleTrigger.Config config = config(definition);
        ScheduleTimes times = ScheduleTimes.of(config);
        Instant now = clock.instant();
        List<NextFireTimes.FireTime> upcoming = times.upcoming(now, wanted).stream()
                .map(at -> new NextFireTimes.FireTime(at, ScheduleTrigger.localTime(at, times.zone()))).toList();
        return new NextFireTimes(workflow.id(), workflow.version(), workflow.active(), times.zone().getId(),
                config.cron(), config.interval(), config.misfire().wireName(), upcoming);
    }

    private static ScheduleTrigger.Config config(JsonNode definition) {
        JsonNode trigger = definition.path("trigger");
        String type = trigger.path("type").asString("");
        if (!ScheduleConfigs.TYPE.equals(type) || trigger.path("version").asInt() != 1) {
            String message = "The workflow's trigger is " + type + "@" + trigger.path("version").asInt()
                    + ", not trigger.schedule@1; only a schedule has fire times.";
            throw new ApiException(HttpStatus.CONFLICT, "not_a_schedule", message,
                    List.of(new FieldProblem("/trigger/type", "not_a_schedule", message)));
        }
        JsonNode json = trigger.path("config").isObject() ? trigger.path("config") : EngineJson.mapper().createObjectNode();
        ScheduleTrigger.Config config;
        try {
            config = EngineJson.mapper().treeToValue(json, ScheduleTrigger.Config.class);
        } catch (JacksonException e) {
            throw invalid(List.of(new FieldProblem("/trigger/config", "invalid_config", e.getOriginalMessage())));
        }
        var problems = ScheduleTimes.problems(config).stream()
                .map(v -> new FieldProblem("/trigger/config" + v.pointer(), "invalid_config", v.message())).toList();
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return config;
    }

    /** A saved version that today's node type no longer accepts (it changed since the save). */
    private static ApiException invalid(List<FieldProblem> problems) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "workflow_invalid",
                "The workflow's schedule is invalid: " + problems.getFirst().message(), problems);
    }
}
