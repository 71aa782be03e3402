package dev.automateos.server.workflow;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Hears about every new current version of a workflow (create, save, restore, import), for
 * features that keep their own rows in step with the document (webhook paths).
 *
 * <p>Contract: called inside the saving transaction, after the version is written and before the
 * commit. Throwing (typically an {@link dev.automateos.server.web.ApiException} such as a 409)
 * rolls the whole save back. Must not call back into the workflow API. Not called when a save is
 * a no-op because the document did not change.
 */
public interface WorkflowSaveListener {

    void saved(UUID workflowId, UUID ownerId, JsonNode definition);
}
