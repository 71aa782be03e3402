package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionMachine;
import dev.automateos.engine.execution.ExecutionPlan;
import dev.automateos.engine.execution.Jitter;
import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.queue.Lane;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.workflow.WorkflowStore;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Compiled plans, one state machine per (workflow, version), built once and shared: versions are
 * immutable, so the cache never goes stale. A draft (test run) is compiled from the execution's own
 * stored document and cached by execution id.
 */
@Component
class ExecutionPlans {

    /** The queue placement a workflow's {@code settings} ask for. */
    record Placement(Lane lane, int maxConcurrency) {
    }

    private static final int MAX_CACHED = 2_000;

    private final WorkflowStore workflows;
    private final NodeCatalog catalog;
    private final Map<String, ExecutionMachine> machines = new ConcurrentHashMap<>();

    ExecutionPlans(WorkflowStore workflows, NodeCatalog catalog) {
        this.workflows = workflows;
        this.catalog = catalog;
    }

    ExecutionMachine machine(ExecutionRecord execution) {
        var state = execution.state();
        String key = execution.draftDefinition() != null ? "draft:" + state.id()
                : state.workflowId() + ":" + state.workflowVersion();
        ExecutionMachine cached = machines.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode document = execution.draftDefinition() != null ? execution.draftDefinition()
                : definition(state.workflowId(), state.workflowVersion());
        ExecutionMachine machine = compile(document);
        if (machines.size() >= MAX_CACHED) {
            machines.clear();
        }
        machines.put(key, machine);
        return machine;
    }

    /** Compiles a document; an invalid one (only possible for drafts) is the caller's mistake. */
    ExecutionMachine compile(JsonNode document) {
        try {
            return new ExecutionMachine(ExecutionPlan.compile(document, catalog), Jitter.hashed(), null, 1);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_workflow", e.getMessage());
        }
    }

    JsonNode definition(UUID workflowId, int version) {
        return workflows.version(workflowId, version).map(v -> v.definition())
                .orElseThrow(() -> ApiException.notFound("Version " + version + " of the workflow"));
    }

    static Placement placement(JsonNode document) {
        JsonNode settings = document.path("settings");
        String priority = settings.path("priority").asString("medium");
        Lane lane;
        try {
            lane = Lane.of(priority);
        } catch (IllegalArgumentException e) {
            lane = Lane.MEDIUM;
        }
        return new Placement(lane, Math.max(0, settings.path("max_concurrency").asInt(0)));
    }
}
