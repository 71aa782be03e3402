package dev.automateos.server.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A valid workflow document, with the fields the list shows pulled out of it.
 * Build it only from a document that passed {@link WorkflowChecker}.
 */
public record WorkflowDocument(String name, String description, List<String> tags, String triggerType,
                               JsonNode definition) {

    public WorkflowDocument {
        tags = List.copyOf(tags);
    }

    static WorkflowDocument of(JsonNode doc) {
        JsonNode description = doc.path("description");
        return new WorkflowDocument(doc.path("name").asString(),
                description.isString() ? description.asString() : null,
                tags(doc.path("tags")), doc.path("trigger").path("type").asString(), doc);
    }

    /** Tags in document order, each once. */
    private static List<String> tags(JsonNode tags) {
        var unique = new LinkedHashSet<String>();
        tags.values().forEach(tag -> unique.add(tag.asString()));
        return new ArrayList<>(unique);
    }
}
