package dev.automateos.server.workflow;

import java.util.UUID;

/**
 * Which workflows a list wants; each {@code null} field means "any".
 *
 * @param ownerId only this owner's workflows, or everyone's when {@code null}
 * @param name    case-insensitive part of the name
 * @param tag     a tag the workflow carries, exactly
 */
public record WorkflowQuery(UUID ownerId, String name, Boolean active, String tag) {
}
