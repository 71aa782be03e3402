package dev.automateos.nodes.transform;

import dev.automateos.engine.expression.Template;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code transform.set@1}: builds an object from named fields, each a template. A field that is
 * exactly one {@code {{ expression }}} keeps the expression's JSON type (number, object, ...).
 */
public final class SetNode implements NodeType<SetNode.Config, JsonNode> {

    private static final NodeSpec SPEC = NodeSpec.action("transform.set", 1, "Set fields",
            "Builds an object from named fields whose values may use expressions.", "transform");

    public record Config(
            @Ui(description = "Field name -> value. Use {{ }} for expressions, e.g. {{ $trigger.body.title }}.")
            @NotNull @Size(min = 1, max = 200) Map<String, Template<JsonNode>> fields,
            Options options) {

        public Config {
            fields = fields == null ? null : Map.copyOf(fields);
            options = options == null ? new Options(false) : options;
        }
    }

    /** @param keepInput start from a copy of the input object instead of an empty one */
    public record Options(@Ui(description = "Start from the input object and add or replace the fields.")
                          boolean keepInput) {}

    @Override
    public NodeSpec spec() {
        return SPEC;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public JsonNode execute(Config config, NodeContext context) {
        JsonNode input = context.input();
        ObjectNode result = config.options().keepInput() && input != null && input.isObject()
                ? ((ObjectNode) input).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        // Sorted, so the output's key order does not depend on the map implementation.
        config.fields().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(field -> result.set(field.getKey(), context.render(field.getValue())));
        return result;
    }
}
