package dev.automateos.server.nodetype;

import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.node.NodeKind;
import dev.automateos.engine.node.NodeTypeDescriptor;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * Searches the node catalog. The catalog is small and lives in memory, so filtering is a scan;
 * pages are keyed by {@code (type, version)}, the catalog's natural order.
 */
@Service
class NodeTypeDirectory {

    private static final Comparator<NodeTypeDescriptor> ORDER =
            Comparator.comparing(NodeTypeDescriptor::type).thenComparingInt(NodeTypeDescriptor::version);

    private final List<NodeTypeDescriptor> all;

    NodeTypeDirectory(NodeCatalog catalog) {
        this.all = catalog.all().stream().sorted(ORDER).toList();
    }

    Page<NodeTypeView> search(String kind, String category, String q, PageRequest page) {
        Predicate<NodeTypeDescriptor> wanted = afterCursor(page).and(ofKind(kind)).and(inCategory(category))
                .and(matching(q));
        List<NodeTypeDescriptor> rows = all.stream().filter(wanted).limit(page.fetchSize()).toList();
        return Page.fromOverfetch(rows, page.limit(), d -> PageRequest.encode(d.type(), Integer.toString(d.version())))
                .map(NodeTypeView::of);
    }

    NodeTypeView find(String type, int version) {
        return all.stream().filter(d -> d.type().equals(type) && d.version() == version).findFirst()
                .map(NodeTypeView::of)
                .orElseThrow(() -> ApiException.notFound("The node type " + type + "@" + version));
    }

    private static Predicate<NodeTypeDescriptor> afterCursor(PageRequest page) {
        if (page.first()) {
            return d -> true;
        }
        String type = page.after().get(0);
        int version;
        try {
            version = Integer.parseInt(page.after().get(1));
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("cursor", "invalid_cursor",
                    "The cursor is not valid; use the next_cursor value of the previous page as it is.");
        }
        return d -> d.type().compareTo(type) > 0 || d.type().equals(type) && d.version() > version;
    }

    private static Predicate<NodeTypeDescriptor> ofKind(String kind) {
        if (kind == null || kind.isEmpty()) {
            return d -> true;
        }
        NodeKind wanted = switch (kind.toLowerCase(Locale.ROOT)) {
            case "trigger" -> NodeKind.TRIGGER;
            case "action" -> NodeKind.ACTION;
            default -> throw ApiException.invalidField("kind", "invalid_value", "kind must be trigger or action.");
        };
        return d -> d.kind() == wanted;
    }

    private static Predicate<NodeTypeDescriptor> inCategory(String category) {
        return category == null || category.isEmpty() ? d -> true : d -> category.equalsIgnoreCase(d.category());
    }

    private static Predicate<NodeTypeDescriptor> matching(String q) {
        if (q == null || q.isBlank()) {
            return d -> true;
        }
        String needle = q.strip().toLowerCase(Locale.ROOT);
        return d -> contains(d.type(), needle) || contains(d.name(), needle) || contains(d.description(), needle);
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }
}
