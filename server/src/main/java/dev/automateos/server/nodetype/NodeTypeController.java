package dev.automateos.server.nodetype;

import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The node types this server knows, with the config schema each one's form is built from. */
@RestController
@RequestMapping("/api/v1/node-types")
class NodeTypeController {

    private final NodeTypeDirectory directory;

    NodeTypeController(NodeTypeDirectory directory) {
        this.directory = directory;
    }

    /** Filters: {@code kind} (trigger|action), {@code category} (exact), {@code q} (in type, name, description). */
    @GetMapping
    Page<NodeTypeView> list(@RequestParam(required = false) String kind,
                            @RequestParam(required = false) String category,
                            @RequestParam(required = false) String q,
                            @RequestParam(required = false) Integer limit,
                            @RequestParam(required = false) String cursor) {
        return directory.search(kind, category, q, PageRequest.of(limit, cursor, 2));
    }

    @GetMapping("/{type}/{version}")
    NodeTypeView get(@PathVariable String type, @PathVariable int version) {
        return directory.find(type, version);
    }
}
