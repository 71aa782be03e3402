package dev.automateos.engine.workflow;

import static dev.automateos.engine.workflow.ValidationCodes.CONNECTION_INTO_TRIGGER;
import static dev.automateos.engine.workflow.ValidationCodes.DANGLING_CONNECTION;
import static dev.automateos.engine.workflow.ValidationCodes.DUPLICATE_CONNECTION;
import static dev.automateos.engine.workflow.ValidationCodes.INVALID_OUTPUT;
import static dev.automateos.engine.workflow.ValidationCodes.TOO_MANY;
import static dev.automateos.engine.workflow.ValidationCodes.WRONG_TYPE;

import dev.automateos.engine.json.JsonPointers;
import dev.automateos.engine.node.NodeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks {@code connections}: shape, endpoints, outputs, duplicates and connections into the
 * trigger; then the edges that survived go to {@link CycleCheck}. A connection with a broken end
 * is left out of the cycle search, so one mistake is reported once.
 */
final class ConnectionCheck {

    private static final Set<String> FIELDS = Set.of("from", "to", "output");

    private final Problems problems;

    ConnectionCheck(Problems problems) {
        this.problems = problems;
    }

    void check(JsonNode document, List<NodeRef> nodes) {
        JsonNode connections = new ObjectReader(document, "", problems).arrayField("connections", false);
        if (connections == null) {
            return;
        }
        if (connections.size() > WorkflowLimits.MAX_CONNECTIONS) {
            problems.add("/connections", TOO_MANY, "A workflow may have at most " + WorkflowLimits.MAX_CONNECTIONS
                    + " connections, not " + connections.size() + ".");
        }
        Map<String, NodeRef> byId = new HashMap<>();
        nodes.stream().filter(n -> n.id() != null).forEach(n -> byId.put(n.id(), n));
        Map<String, String> seen = new HashMap<>();
        List<CycleCheck.Edge> edges = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            String pointer = JsonPointers.append("/connections", i);
            JsonNode connection = connections.get(i);
            if (!connection.isObject()) {
                problems.add(pointer, WRONG_TYPE, "Each connection must be an object with 'from' and 'to'.");
                continue;
            }
            CycleCheck.Edge edge = connection(connection, pointer, byId, seen);
            if (edge != null) {
                edges.add(edge);
            }
        }
        new CycleCheck(problems).check(edges);
    }

    private CycleCheck.Edge connection(JsonNode connection, String pointer, Map<String, NodeRef> byId,
                                       Map<String, String> seen) {
        ObjectReader reader = new ObjectReader(connection, pointer, problems);
        reader.allowOnly(FIELDS, "a connection");
        NodeRef from = end(reader, "from", byId);
        NodeRef to = end(reader, "to", byId);
        String output = reader.string("output", false);
        if (to != null && to.isTrigger()) {
            problems.add(reader.pointer("to"), CONNECTION_INTO_TRIGGER, "The trigger " + to.label()
                    + " starts the workflow; no connection may lead into it.");
            to = null;
        }
        if (from == null || to == null || connection.has("output") && output == null && !connection.get("output").isNull()) {
            return null;
        }
        String effectiveOutput = output == null ? NodeSpec.MAIN : output;
        if (!outputExists(from, effectiveOutput, reader, output != null)) {
            return null;
        }
        String key = from.id() + "\u0000" + effectiveOutput + "\u0000" + to.id();
        String first = seen.putIfAbsent(key, pointer);
        if (first != null) {
            problems.add(pointer, DUPLICATE_CONNECTION, "The same connection (" + from.id() + " -> " + to.id()
                    + ", output '" + effectiveOutput + "') is already at " + first + ".");
            return null;
        }
        return new CycleCheck.Edge(from.id(), to.id(), pointer);
    }

    private NodeRef end(ObjectReader reader, String field, Map<String, NodeRef> byId) {
        String id = reader.string(field, true);
        if (id == null) {
            return null;
        }
        NodeRef node = byId.get(id);
        if (node == null) {
            problems.add(reader.pointer(field), DANGLING_CONNECTION, "'" + field + "' names '" + id
                    + "', which is not the id of the trigger or of any node.");
        }
        return node;
    }

    private boolean outputExists(NodeRef from, String output, ObjectReader reader, boolean explicit) {
        if (from.descriptor() == null) {
            // The node's type is unknown (already reported), so its outputs are too.
            return true;
        }
        List<String> outputs = from.descriptor().outputs();
        if (outputs.contains(output)) {
            return true;
        }
        String declared = String.join(", ", outputs);
        problems.add(reader.pointer("output"), INVALID_OUTPUT, explicit
                ? from.descriptor().type() + " node " + from.label() + " has no output '" + output + "'; its outputs: "
                        + declared + "."
                : from.descriptor().type() + " node " + from.label() + " has no 'main' output; set 'output' to one of: "
                        + declared + ".");
        return false;
    }
}
