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
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Compiled plans, one state machine per (workflow, version), built once and shared: versions are
 * immutable, so the cache never goes stale. A draft (test run) is compiled from the execution's own
 * stored document and cached by execution id. Queue placements (lane, concurrency limit) are cached
 * the same way, so an enqueue reads no workflow version.
 */
@Component
class ExecutionPlans {

    /** The queue placement a workflow's {@code settings} ask for. */
    record Placement(Lane lane, int maxConcurrency) {
    }

    /**
     * Room for every active workflow of a large hub (10,000 schedules each firing every minute run
     * 10,000 versions in turn); with less, each run reloaded and recompiled its document.
     */
    static final int MAX_CACHED = 20_000;

    private final WorkflowStore workflows;
    private final NodeCatalog catalog;
    private final Map<String, ExecutionMachine> machines = new ConcurrentHashMap<>();
    private final Map<String, Placement> placements = new ConcurrentHashMap<>();

    ExecutionPlans(WorkflowStore workflows, NodeCatalog catalog) {
        this.workflows = workflows;
        this.catalog = catalog;
    }

    ExecutionMachine machine(ExecutionRecord execution) {
        var state = execution.state();
        if (execution.draftDefinition() == null) {
            return machine(state.workflowId(), state.workflowVersion());
        }
        return cached(machines, "draft:" + state.id(), () -> compile(execution.draftDefinition()));
    }

    /** The machine of a stored version; 404 {@code not_found} when the version does not exist. */
    ExecutionMachine machine(UUID workflowId, int version) {
        return cached(machines, workflowId + ":" + version, () -> compile(definition(workflowId, version)));
    }

    /** Where an execution's queue items go: its document's settings, read once per version. */
    Placement placement(ExecutionRecord execution) {
        var state = execution.state();
        if (execution.draftDefinition() != null) {
            return placement(execution.draftDefinition());
        }
        return cached(placements, state.workflowId() + ":" + state.workflowVersion(),
                () -> placement(definition(state.workflowId(), state.workflowVersion())));
    }

    private static <T> T cached(Map<String, T> cache, String key, Supplier<T> load) {
        T value = cache.get(key);
        if (value != null) {
            return value;
        }
        value = load.get();
        if (cache.size() >= MAX_CACHED) {
            evictATenth(cache);
        }
        cache.put(key, value);
        return value;
    }

    /**
     * Makes room by dropping arbitrary entries (the map's iteration order), not all of them: clearing
     * the whole cache made every workflow's next run recompile at once.
     */
    private static void evictATenth(Map<String, ?> cache) {
        var keys = cache.keySet().iterator();
        for (int dropped = 0; dropped < MAX_CACHED / 10 && keys.hasNext(); dropped++) {
            keys.next();
            keys.remove();
        }
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
