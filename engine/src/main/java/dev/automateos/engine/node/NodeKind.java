package dev.automateos.engine.node;

/** Whether a node type starts a workflow or runs inside one. */
public enum NodeKind {
    TRIGGER,
    ACTION
}
