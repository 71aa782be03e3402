package dev.automateos.engine.node;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The fixed facts about one node type version.
 *
 * @param type        stable id, dotted lower case: {@code http.request}, {@code trigger.webhook}
 * @param version     1, 2, ...; a breaking config or behaviour change makes a new version
 * @param name        short human name, shown in the palette
 * @param description one or two sentences saying what it does
 * @param category    palette group: {@code trigger}, {@code core}, {@code transform}, {@code flow}, ...
 * @param kind        trigger or action
 * @param outputs     the named outputs connections may leave by; the first is the default
 */
public record NodeSpec(String type, int version, String name, String description, String category,
                       NodeKind kind, List<String> outputs) {

    /** The output a connection without {@code output} uses, and the only one most node types have. */
    public static final String MAIN = "main";

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9_]*)+");
    private static final Pattern OUTPUT = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public NodeSpec {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("node type id must look like 'group.name', got " + type);
        }
        if (version < 1) {
            throw new IllegalArgumentException(type + ": version must be 1 or more");
        }
        if (name == null || name.isBlank() || description == null || category == null || kind == null) {
            throw new IllegalArgumentException(type + ": name, description, category and kind are required");
        }
        outputs = List.copyOf(outputs);
        if (outputs.isEmpty() || !outputs.stream().allMatch(o -> OUTPUT.matcher(o).matches())) {
            throw new IllegalArgumentException(type + ": outputs must be lower-case names, at least one");
        }
    }

    /** An action with the single output {@code main}. */
    public static NodeSpec action(String type, int version, String name, String description, String category) {
        return new NodeSpec(type, version, name, description, category, NodeKind.ACTION, List.of(MAIN));
    }

    /** A trigger with the single output {@code main}, in the {@code trigger} category. */
    public static NodeSpec trigger(String type, int version, String name, String description) {
        return new NodeSpec(type, version, name, description, "trigger", NodeKind.TRIGGER, List.of(MAIN));
    }

    /** The same spec with other outputs, e.g. {@code true} and {@code false} for a branch. */
    public NodeSpec withOutputs(String... names) {
        return new NodeSpec(type, version, name, description, category, kind, List.of(names));
    }
}
