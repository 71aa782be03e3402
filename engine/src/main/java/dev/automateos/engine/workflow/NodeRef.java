package dev.automateos.engine.workflow;

import dev.automateos.engine.node.NodeTypeDescriptor;

/**
 * A node entry (the trigger or one of {@code nodes}) as far as it could be read.
 *
 * @param pointer    where the entry is in the document: {@code /trigger} or {@code /nodes/3}
 * @param id         its id, or null when missing or invalid
 * @param descriptor its node type, or null when unknown
 */
record NodeRef(String pointer, String id, NodeTypeDescriptor descriptor, boolean isTrigger) {

    /** How a message names the node: its id, or where it is. */
    String label() {
        return id != null ? "'" + id + "'" : pointer;
    }
}
