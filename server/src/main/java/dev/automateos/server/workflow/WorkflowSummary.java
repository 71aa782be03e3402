package dev.automateos.server.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A workflow as the list shows it: everything but the document. All of it is kept in the
 * workflow's own row, so a page of summaries is one query.
 *
 * @param triggerType the {@code trigger.type} of the current version's document
 * @param version     the current version number (1, 2, ...)
 */
public record WorkflowSummary(UUID id, String name, String description, List<String> tags, boolean active,
                              String triggerType, int version, UUID ownerId, Instant createdAt, Instant updatedAt) {

    public WorkflowSummary {
        tags = List.copyOf(tags);
    }
}
