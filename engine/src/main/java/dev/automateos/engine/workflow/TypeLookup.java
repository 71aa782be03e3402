package dev.automateos.engine.workflow;

import static dev.automateos.engine.workflow.ValidationCodes.UNKNOWN_NODE_TYPE;
import static dev.automateos.engine.workflow.ValidationCodes.UNKNOWN_NODE_VERSION;

import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.node.NodeTypeDescriptor;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Resolves a node entry's {@code type} and {@code version} against the catalog, suggesting near misses. */
final class TypeLookup {

    private final NodeCatalog catalog;
    private final Problems problems;

    TypeLookup(NodeCatalog catalog, Problems problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    /** The descriptor, or null after reporting why there is none. */
    NodeTypeDescriptor find(ObjectReader reader) {
        String type = reader.string("type", true);
        Integer version = reader.integer("version", true, 1, Integer.MAX_VALUE);
        if (type == null) {
            return null;
        }
        List<Integer> versions = catalog.versions(type);
        if (versions.isEmpty()) {
            problems.add(reader.pointer("type"), UNKNOWN_NODE_TYPE, "Unknown node type '" + type + "'." + suggestion(type));
            return null;
        }
        if (version == null) {
            return null;
        }
        return catalog.find(type, version).orElseGet(() -> {
            problems.add(reader.pointer("version"), UNKNOWN_NODE_VERSION, type + " has no version " + version
                    + "; known versions: " + versions.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
            return null;
        });
    }

    private String suggestion(String type) {
        if (type.length() > 100) {
            return "";
        }
        return catalog.all().stream()
                .map(NodeTypeDescriptor::type)
                .distinct()
                .filter(known -> distance(known, type) <= 2 || known.endsWith("." + type))
                .min(Comparator.comparingInt(known -> distance(known, type)))
                .map(known -> " Did you mean '" + known + "'?")
                .orElse("");
    }

    /** Levenshtein distance; type ids are short, so the quadratic table is fine. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
