package dev.automateos.server.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A workflow with its current version's document, as GET, POST, PUT and PATCH return it. */
record WorkflowDetail(UUID id, String name, String description, List<String> tags, boolean active,
                      String triggerType, int version, UUID ownerId, Instant createdAt, Instant updatedAt,
                      JsonNode definition) {

    static WorkflowDetail of(WorkflowSummary s, JsonNode definition) {
        return new WorkflowDetail(s.id(), s.name(), s.description(), s.tags(), s.active(), s.triggerType(),
                s.version(), s.ownerId(), s.createdAt(), s.updatedAt(), definition);
    }
}
