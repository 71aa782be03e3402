package dev.automateos.engine.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The node types available at run time. {@link #discover()} finds them with {@link ServiceLoader}
 * (each node module lists its classes in {@code META-INF/services/dev.automateos.engine.node.NodeType}),
 * so there is no hand-kept list. Built once; immutable and thread-safe.
 */
public final class NodeCatalog {

    /** One node type with what was derived from it at start-up. */
    private record Entry(NodeType<?, ?> nodeType, NodeTypeDescriptor descriptor, ConfigSchema schema) {}

    private final Map<String, Entry> byKey;
    private final List<NodeTypeDescriptor> all;

    private NodeCatalog(Collection<? extends NodeType<?, ?>> nodeTypes) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Entry> index = new LinkedHashMap<>();
        for (NodeType<?, ?> nodeType : nodeTypes) {
            NodeSpec spec = nodeType.spec();
            ConfigSchema schema = ConfigSchema.of(nodeType.configType());
            Entry entry = new Entry(nodeType, NodeTypeDescriptor.of(spec, schema), schema);
            Entry clash = index.putIfAbsent(key(spec.type(), spec.version()), entry);
            if (clash != null) {
                throw new IllegalStateException("Node type " + spec.type() + "@" + spec.version() + " is provided by both "
                        + clash.nodeType().getClass().getName() + " and " + nodeType.getClass().getName());
            }
            entries.add(entry);
        }
        entries.sort(Comparator.comparing((Entry e) -> e.descriptor().type()).thenComparingInt(e -> e.descriptor().version()));
        this.all = entries.stream().map(Entry::descriptor).toList();
        this.byKey = Map.copyOf(index);
    }

    /** The catalog of every node type on the class path; discovered once, then cached. Throws on duplicate (type, version). */
    public static NodeCatalog discover() {
        return Discovered.CATALOG;
    }

    /** A catalog of exactly these node types (tests, embedding). Throws on duplicate (type, version). */
    public static NodeCatalog of(Collection<? extends NodeType<?, ?>> nodeTypes) {
        return new NodeCatalog(nodeTypes);
    }

    /** Every node type version, sorted by type, then version. */
    public List<NodeTypeDescriptor> all() {
        return all;
    }

    public Optional<NodeTypeDescriptor> find(String type, int version) {
        return entry(type, version).map(Entry::descriptor);
    }

    /** The implementation, for running it. */
    public Optional<NodeType<?, ?>> nodeType(String type, int version) {
        return entry(type, version).map(Entry::nodeType);
    }

    /** The compiled config schema, for validating configs. */
    public Optional<ConfigSchema> configSchema(String type, int version) {
        return entry(type, version).map(Entry::schema);
    }

    /** The versions known for a type, ascending; empty when the type is unknown. */
    public List<Integer> versions(String type) {
        return all.stream().filter(d -> d.type().equals(type)).map(NodeTypeDescriptor::version).toList();
    }

    private Optional<Entry> entry(String type, int version) {
        return Optional.ofNullable(byKey.get(key(type, version)));
    }

    private static String key(String type, int version) {
        return type + "@" + version;
    }

    /** Holder idiom: discovery runs on first use, exactly once, without locking afterwards. */
    private static final class Discovered {
        static final NodeCatalog CATALOG = load();

        @SuppressWarnings("rawtypes")
        private static NodeCatalog load() {
            List<NodeType<?, ?>> found = new ArrayList<>();
            for (NodeType nodeType : ServiceLoader.load(NodeType.class, NodeCatalog.class.getClassLoader())) {
                found.add(nodeType);
            }
            return new NodeCatalog(found);
        }
    }
}
