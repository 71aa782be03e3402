package dev.automateos.engine.node;

import tools.jackson.databind.JsonNode;

/** What the outside world (API, UI, validator) knows about one node type version. */
public record NodeTypeDescriptor(String type, int version, String name, String description, String category,
                                 NodeKind kind, JsonNode configSchema) {}
