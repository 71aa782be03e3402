package dev.automateos.engine.workflow;

import static dev.automateos.engine.workflow.ValidationCodes.DUPLICATE_ID;
import static dev.automateos.engine.workflow.ValidationCodes.DUPLICATE_NAME;
import static dev.automateos.engine.workflow.ValidationCodes.INVALID_ID;
import static dev.automateos.engine.workflow.ValidationCodes.MISSING_TRIGGER;
import static dev.automateos.engine.workflow.ValidationCodes.MULTIPLE_TRIGGERS;
import static dev.automateos.engine.workflow.ValidationCodes.NOT_A_TRIGGER;
import static dev.automateos.engine.workflow.ValidationCodes.TOO_LONG;
import static dev.automateos.engine.workflow.ValidationCodes.TOO_MANY;
import static dev.automateos.engine.workflow.ValidationCodes.WRONG_TYPE;

import dev.automateos.engine.json.JsonPointers;
import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.node.NodeKind;
import dev.automateos.engine.node.NodeTypeDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Checks the trigger and every entry of {@code nodes}: fields, ids and names (unique across both),
 * node type and kind; then hands the config to {@link ConfigCheck}. Returns what it could read,
 * for the connection checks.
 */
final class NodeEntryCheck {

    private static final Set<String> FIELDS = Set.of("id", "type", "version", "name", "description", "config",
            "position", "retry", "timeout_ms");
    /** The optional run-time knobs of a node; their meaning is in docs/engine.md. */
    private static final Set<String> RETRY_FIELDS = Set.of("max_attempts", "initial_delay_ms", "max_delay_ms",
            "multiplier");
    private static final long MAX_DELAY_MS = 86_400_000L;

    private final NodeCatalog catalog;
    private final Problems problems;
    private final Map<String, String> idOwners = new HashMap<>();
    private final Map<String, String> nameOwners = new HashMap<>();

    NodeEntryCheck(NodeCatalog catalog, Problems problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    List<NodeRef> check(JsonNode document) {
        List<NodeRef> refs = new ArrayList<>();
        JsonNode trigger = document.get("trigger");
        if (trigger == null || trigger.isNull()) {
            problems.add("/trigger", MISSING_TRIGGER, "A workflow needs a 'trigger': the node that starts it.");
        } else if (!trigger.isObject()) {
            problems.add("/trigger", WRONG_TYPE, "'trigger' must be an object.");
        } else {
            refs.add(entry(trigger, "/trigger", true));
        }
        JsonNode nodes = new ObjectReader(document, "", problems).arrayField("nodes", false);
        if (nodes == null) {
            return refs;
        }
        if (nodes.size() > WorkflowLimits.MAX_NODES) {
            problems.add("/nodes", TOO_MANY, "A workflow may have at most " + WorkflowLimits.MAX_NODES
                    + " nodes, not " + nodes.size() + ".");
        }
        for (int i = 0; i < nodes.size(); i++) {
            String pointer = JsonPointers.append("/nodes", i);
            if (nodes.get(i).isObject()) {
                refs.add(entry(nodes.get(i), pointer, false));
            } else {
                problems.add(pointer, WRONG_TYPE, "Each entry of 'nodes' must be an object.");
            }
        }
        return refs;
    }

    private NodeRef entry(JsonNode node, String pointer, boolean isTrigger) {
        ObjectReader reader = new ObjectReader(node, pointer, problems);
        reader.allowOnly(FIELDS, isTrigger ? "the trigger" : "a node");
        String id = id(reader);
        name(reader);
        String description = reader.string("description", false);
        if (description != null && description.length() > WorkflowLimits.MAX_NODE_DESCRIPTION) {
            problems.add(reader.pointer("description"), TOO_LONG, "'description' may have at most "
                    + WorkflowLimits.MAX_NODE_DESCRIPTION + " characters.");
        }
        position(reader);
        runSettings(reader);
        NodeTypeDescriptor descriptor = new TypeLookup(catalog, problems).find(reader);
        if (descriptor != null) {
            kind(descriptor, reader, isTrigger);
        }
        JsonNode config = reader.objectField("config", false);
        new ConfigCheck(catalog, problems).check(config, node.has("config") && config == null,
                reader.pointer("config"), descriptor);
        return new NodeRef(pointer, id, descriptor, isTrigger);
    }

    private String id(ObjectReader reader) {
        String id = reader.string("id", true);
        if (id == null) {
            return null;
        }
        if (!WorkflowLimits.NODE_ID.matcher(id).matches()) {
            problems.add(reader.pointer("id"), INVALID_ID, "'" + id + "' is not a valid id: use 1 to 63 lower-case "
                    + "letters, digits, '_' or '-', starting with a letter.");
            return null;
        }
        String first = idOwners.putIfAbsent(id, reader.pointer("id"));
        if (first != null) {
            problems.add(reader.pointer("id"), DUPLICATE_ID, "Id '" + id + "' is already used at " + first
                    + "; ids must be unique across the trigger and the nodes.");
            return null;
        }
        return id;
    }

    private void name(ObjectReader reader) {
        String name = reader.text("name", true, WorkflowLimits.MAX_NODE_NAME);
        if (name == null) {
            return;
        }
        String first = nameOwners.putIfAbsent(name, reader.pointer("name"));
        if (first != null) {
            problems.add(reader.pointer("name"), DUPLICATE_NAME, "Name '" + name + "' is already used at " + first
                    + "; expressions address nodes by name ($nodes.<name>), so names must be unique.");
        }
    }

    private void position(ObjectReader reader) {
        JsonNode position = reader.objectField("position", false);
        if (position == null) {
            return;
        }
        ObjectReader xy = new ObjectReader(position, reader.pointer("position"), problems);
        xy.allowOnly(Set.of("x", "y"), "a position");
        for (String axis : List.of("x", "y")) {
            JsonNode value = xy.present(axis, true);
            if (value != null && !value.isNumber()) {
                problems.add(xy.pointer(axis), WRONG_TYPE, "'" + axis + "' must be a number.");
            }
        }
    }

    /** {@code retry} and {@code timeout_ms}: how the engine retries and bounds each attempt of this node. */
    private void runSettings(ObjectReader reader) {
        reader.integer("timeout_ms", false, 1, MAX_DELAY_MS);
        JsonNode retry = reader.objectField("retry", false);
        if (retry == null) {
            return;
        }
        ObjectReader policy = new ObjectReader(retry, reader.pointer("retry"), problems);
        policy.allowOnly(RETRY_FIELDS, "a retry policy");
        policy.integer("max_attempts", false, 1, 10);
        policy.integer("initial_delay_ms", false, 0, MAX_DELAY_MS);
        policy.integer("max_delay_ms", false, 0, MAX_DELAY_MS);
        JsonNode multiplier = policy.present("multiplier", false);
        if (multiplier != null && !multiplier.isNumber()) {
            problems.add(policy.pointer("multiplier"), WRONG_TYPE, "'multiplier' must be a number.");
        } else if (multiplier != null && (multiplier.doubleValue() < 1 || multiplier.doubleValue() > 10)) {
            problems.add(policy.pointer("multiplier"), ValidationCodes.INVALID_VALUE,
                    "'multiplier' must be between 1 and 10, got " + multiplier + ".");
        }
    }

    private String triggerTypes() {
        return catalog.all().stream().filter(d -> d.kind() == NodeKind.TRIGGER).map(NodeTypeDescriptor::type)
                .distinct().collect(Collectors.joining(", "));
    }

    private void kind(NodeTypeDescriptor descriptor, ObjectReader reader, boolean isTrigger) {
        String type = descriptor.type() + "@" + descriptor.version();
        if (isTrigger && descriptor.kind() != NodeKind.TRIGGER) {
            problems.add(reader.pointer("type"), NOT_A_TRIGGER, type + " is an action, not a trigger; "
                    + "'trigger' needs a trigger type: " + triggerTypes() + ".");
        } else if (!isTrigger && descriptor.kind() == NodeKind.TRIGGER) {
            problems.add(reader.pointer("type"), MULTIPLE_TRIGGERS, type + " is a trigger; a workflow has exactly "
                    + "one trigger, in 'trigger'. Move it there or use an action type.");
        }
    }
}
