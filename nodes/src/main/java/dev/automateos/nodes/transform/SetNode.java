package dev.automateos.nodes.transform;

import dev.automateos.engine.expression.Template;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code transform.set@1}: builds an object from named fields, each a template. A field that is
 * exactly one {@code {{ expression }}} keeps the expression's JSON type (number, object, ...).
 *
 * <p>The steps, always in this order: start from a copy of the input ({@code keep_input}) or an
 * empty object; set the fields (field names are used as written); apply {@code rename}; apply
 * {@code remove}. Rename and remove take dotted paths ({@code customer.email}) into nested objects.
 */
public final class SetNode implements NodeType<SetNode.Config, JsonNode> {

    private static final NodeSpec SPEC = NodeSpec.action("transform.set", 1, "Set fields",
            "Builds an object from named fields whose values may use expressions; can keep, rename and remove fields.",
            "transform");

    /** A dotted path: names separated by '.', none empty. */
    private static final String PATH = "^[^.]{1,200}(\\.[^.]{1,200}){0,19}$";

    public record Config(
            @Ui(description = "Field name -> value. Use {{ }} for expressions, e.g. {{ $trigger.body.title }}.")
            @NotNull @Size(min = 1, max = 200) Map<String, Template<JsonNode>> fields,
            Options options) {

        public Config {
            fields = fields == null ? null : Map.copyOf(fields);
            options = options == null ? new Options(false, null, null) : options;
        }
    }

    /**
     * @param keepInput start from a copy of the input object instead of an empty one
     * @param rename    dotted path -> new dotted path, applied after the fields are set
     * @param remove    dotted paths to drop, applied last
     */
    public record Options(
            @Ui(description = "Start from the input object and add or replace the fields.") Boolean keepInput,
            @Ui(description = "Old path -> new path, e.g. customer.mail -> customer.email. Applied after the fields.")
            @Size(max = 100) Map<String, String> rename,
            @Ui(description = "Paths to drop, e.g. password or customer.internal_id. Applied last.")
            @Size(max = 100) List<@Pattern(regexp = PATH) String> remove) {

        public Options {
            keepInput = keepInput != null && keepInput;
            rename = rename == null ? Map.of() : new TreeMap<>(rename);
            // The schema cannot constrain map keys, so both sides of a rename are checked here.
            rename.forEach((from, to) -> {
                if (!from.matches(PATH) || !to.matches(PATH)) {
                    throw new IllegalArgumentException("rename '" + from + "' -> '" + to + "': a path is names "
                            + "separated by single dots, e.g. customer.email.");
                }
            });
            remove = remove == null ? List.of() : List.copyOf(remove);
        }
    }

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
        config.options().rename().forEach((from, to) -> {
            JsonNode value = FieldPaths.remove(result, from);
            if (value == null) {
                context.log("rename: '" + from + "' is not in the object; nothing renamed.");
            } else {
                FieldPaths.put(result, to, value);
            }
        });
        config.options().remove().forEach(path -> FieldPaths.remove(result, path));
        return result;
    }
}
