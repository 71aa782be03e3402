package dev.automateos.server.workflow;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** What changed between two versions of a workflow's document, in document order. */
record WorkflowDiff(int from, int to, List<Change> changes) {

    /**
     * @param op       {@code add}, {@code remove} or {@code replace}
     * @param path     JSON Pointer into the document
     * @param oldValue absent for {@code add}
     * @param newValue absent for {@code remove}
     */
    record Change(String op, String path, JsonNode oldValue, JsonNode newValue) {
    }
}
