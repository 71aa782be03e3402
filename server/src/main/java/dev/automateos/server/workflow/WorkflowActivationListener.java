package dev.automateos.server.workflow;

import tools.jackson.databind.JsonNode;

/**
 * Hears about every activation and deactivation of a workflow, for features whose rows exist only
 * while a workflow is active (schedules).
 *
 * <p>Contract: called inside the activating transaction, after the flag is written and while the
 * workflow row is locked, before the commit. Throwing rolls the change back. Must not call back
 * into the workflow API. Not called when the flag already had the asked value.
 *
 * @see WorkflowSaveListener for new versions
 */
public interface WorkflowActivationListener {

    /** {@code workflow} as it is now ({@link WorkflowSummary#active()} is the new value); {@code definition} is its current version. */
    void activationChanged(WorkflowSummary workflow, JsonNode definition);
}
