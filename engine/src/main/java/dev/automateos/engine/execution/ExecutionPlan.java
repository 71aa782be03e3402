package dev.automateos.engine.execution;

import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.workflow.ValidationProblem;
import dev.automateos.engine.workflow.WorkflowValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A workflow version compiled for running: nodes by id with their resolved node types, and the
 * connections leaving each (node, output) in document order. Compile once per workflow version
 * and share it: immutable and thread-safe. Not persisted (it holds node type instances); an
 * execution stores only node and step ids, and its workflow version, from which the plan is rebuilt.
 */
public final class ExecutionPlan {

    /**
     * One node of the plan (the trigger included).
     *
     * @param config  the node's config as written (templates unrendered); {@code {}} when absent
     * @param timeout the node's {@code timeout_ms} per attempt, or null for none
     */
    public record PlanNode(String id, String name, String type, int version, JsonNode config, NodeType<?, ?> nodeType,
                           RetryPolicy retry, Duration timeout, ConfigBinding binding) {

        public NodeSpec spec() {
            return nodeType.spec();
        }
    }

    private final String name;
    private final PlanNode trigger;
    private final Map<String, PlanNode> nodes;
    private final Map<String, Map<String, List<String>>> targets;
    private final JsonNode vars;
    private final Duration timeout;

    private ExecutionPlan(String name, PlanNode trigger, Map<String, PlanNode> nodes,
                          Map<String, Map<String, List<String>>> targets, JsonNode vars, Duration timeout) {
        this.name = name;
        this.trigger = trigger;
        this.nodes = nodes;
        this.targets = targets;
        this.vars = vars;
        this.timeout = timeout;
    }

    /**
     * Compiles a workflow document. Validates it first ({@link WorkflowValidator}); throws
     * {@link IllegalArgumentException} naming the problems when it is not valid.
     */
    public static ExecutionPlan compile(JsonNode document, NodeCatalog catalog) {
        List<ValidationProblem> problems = new WorkflowValidator(catalog).validate(document);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The workflow is not valid: " + problems.stream()
                    .map(p -> p.path() + " " + p.code()).collect(Collectors.joining(", ")));
        }
        Map<String, PlanNode> nodes = new LinkedHashMap<>();
        PlanNode trigger = node(document.get("trigger"), catalog);
        nodes.put(trigger.id(), trigger);
        document.path("nodes").values().forEach(entry -> {
            PlanNode node = node(entry, catalog);
            nodes.put(node.id(), node);
        });
        Map<String, Map<String, List<String>>> targets = new LinkedHashMap<>();
        for (JsonNode connection : document.path("connections").values()) {
            JsonNode output = connection.get("output");
            String outputName = output == null || output.isNull() ? NodeSpec.MAIN : output.stringValue();
            targets.computeIfAbsent(connection.get("from").stringValue(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(outputName, k -> new ArrayList<>())
                    .add(connection.get("to").stringValue());
        }
        targets.replaceAll((from, byOutput) -> {
            byOutput.replaceAll((output, list) -> List.copyOf(list));
            return Map.copyOf(byOutput);
        });
        JsonNode settings = document.path("settings");
        JsonNode timeoutSeconds = settings.get("timeout_seconds");
        Duration timeout = timeoutSeconds == null || timeoutSeconds.isNull() ? null
                : Duration.ofSeconds(timeoutSeconds.longValue());
        JsonNode vars = document.get("vars");
        return new ExecutionPlan(document.get("name").stringValue(), trigger, Map.copyOf(nodes), Map.copyOf(targets),
                vars == null || vars.isNull() ? JsonNodeFactory.instance.objectNode() : vars.deepCopy(), timeout);
    }

    private static PlanNode node(JsonNode entry, NodeCatalog catalog) {
        String type = entry.get("type").stringValue();
        int version = entry.get("version").intValue();
        NodeType<?, ?> nodeType = catalog.nodeType(type, version).orElseThrow();
        JsonNode given = entry.get("config");
        JsonNode config = given == null || given.isNull() ? JsonNodeFactory.instance.objectNode() : given.deepCopy();
        JsonNode timeoutMs = entry.get("timeout_ms");
        return new PlanNode(entry.get("id").stringValue(), entry.get("name").stringValue(), type, version, config,
                nodeType, RetryPolicy.of(entry.get("retry")),
                timeoutMs == null || timeoutMs.isNull() ? null : Duration.ofMillis(timeoutMs.longValue()),
                ConfigBinding.of(nodeType, config));
    }

    /** The workflow's name, for {@code $workflow.name}. */
    public String name() {
        return name;
    }

    public PlanNode trigger() {
        return trigger;
    }

    /** The trigger or a node, by id. */
    public Optional<PlanNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The trigger and every node, in document order. */
    public Collection<PlanNode> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    /** The ids of the nodes connected to {@code output} of {@code nodeId}, in document order; empty if none. */
    public List<String> targets(String nodeId, String output) {
        return targets.getOrDefault(nodeId, Map.of()).getOrDefault(output, List.of());
    }

    /** The workflow's {@code vars}; {@code {}} when absent. Do not modify. */
    public JsonNode vars() {
        return vars;
    }

    /** {@code settings.timeout_seconds}, when set. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }
}
