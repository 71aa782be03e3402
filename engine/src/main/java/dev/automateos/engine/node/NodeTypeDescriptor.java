package dev.automateos.engine.node;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the outside world (API, UI, validator) knows about one node type version.
 *
 * @param configSchema the config's JSON Schema (Draft 2020-12); do not modify it
 * @param outputs      named outputs a connection may leave by; the first one is the default
 */
public record NodeTypeDescriptor(String type, int version, String name, String description, String category,
                                 NodeKind kind, JsonNode configSchema, List<String> outputs) {

    public NodeTypeDescriptor {
        outputs = outputs == null ? List.of(NodeSpec.MAIN) : List.copyOf(outputs);
    }

    /** A descriptor with the single output {@code main}. */
    public NodeTypeDescriptor(String type, int version, String name, String description, String category,
                              NodeKind kind, JsonNode configSchema) {
        this(type, version, name, description, category, kind, configSchema, List.of(NodeSpec.MAIN));
    }

    static NodeTypeDescriptor of(NodeSpec spec, ConfigSchema schema) {
        JsonNode json = schema.json().put("title", spec.name());
        return new NodeTypeDescriptor(spec.type(), spec.version(), spec.name(), spec.description(), spec.category(),
                spec.kind(), json, spec.outputs());
    }
}
