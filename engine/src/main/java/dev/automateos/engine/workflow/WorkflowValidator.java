package dev.automateos.engine.workflow;

import dev.automateos.engine.node.NodeCatalog;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Checks a workflow document against the format ({@code docs/workflow-format.md}) and the node
 * catalog, and reports every problem at once, each with a JSON Pointer, a stable code
 * ({@link ValidationCodes}) and a message a person can act on. Problems come grouped by section:
 * document fields, trigger and nodes (with their configs), then connections and cycles.
 *
 * <p>Nodes that no path from the trigger reaches are allowed: an editor saves work in progress, and
 * such nodes simply never run. Thread-safe and reusable; holds no state between calls.
 */
public final class WorkflowValidator {

    private final NodeCatalog catalog;

    public WorkflowValidator(NodeCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Returns every problem found; an empty list means the document is valid. Never throws on bad input. */
    public List<ValidationProblem> validate(JsonNode document) {
        Problems problems = new Problems();
        if (document == null || !document.isObject()) {
            problems.add("", ValidationCodes.INVALID_DOCUMENT, "A workflow must be a JSON object.");
            return problems.toList();
        }
        try {
            DocumentCheck.check(document, problems);
            List<NodeRef> nodes = new NodeEntryCheck(catalog, problems).check(document);
            new ConnectionCheck(problems).check(document, nodes);
        } catch (RuntimeException e) {
            // A bug here must not turn a client's document into a server error; the document is
            // still rejected, with whatever was found so far.
            problems.add("", ValidationCodes.INVALID_DOCUMENT, "The workflow could not be fully validated ("
                    + e.getClass().getSimpleName() + "); please report this.");
        }
        return problems.toList();
    }
}
