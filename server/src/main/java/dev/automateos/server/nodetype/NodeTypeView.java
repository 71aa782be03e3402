package dev.automateos.server.nodetype;

import dev.automateos.engine.node.NodeTypeDescriptor;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A node type version as the API shows it; {@code config_schema} is the JSON Schema that
 * validates its config and drives the UI form.
 *
 * @param kind    {@code trigger} or {@code action}
 * @param outputs the names a connection's {@code output} may use; the first is the default
 */
record NodeTypeView(String type, int version, String name, String description, String category, String kind,
                    JsonNode configSchema, List<String> outputs) {

    static NodeTypeView of(NodeTypeDescriptor d) {
        return new NodeTypeView(d.type(), d.version(), d.name(), d.description(), d.category(),
                d.kind().name().toLowerCase(Locale.ROOT), d.configSchema(), d.outputs());
    }
}
