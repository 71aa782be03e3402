package dev.automateos.engine.execution;

import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.node.NodeType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A node's config bound to its record once, when the plan is compiled, instead of on every step:
 * binding is the same for every run (templates stay unrendered until the node renders them), and
 * it is a large share of what a cheap step costs. Bound records are shared by every execution of
 * the plan, so a node must treat its config as read-only (every built-in does). A config that does
 * not bind keeps the binder's message, and each step of that node fails with it, as before.
 */
public final class ConfigBinding {

    private final Record config;
    private final String problem;

    private ConfigBinding(Record config, String problem) {
        this.config = config;
        this.problem = problem;
    }

    static ConfigBinding of(NodeType<?, ?> type, JsonNode config) {
        try {
            return new ConfigBinding(EngineJson.mapper().treeToValue(config, type.configType()), null);
        } catch (JacksonException e) {
            return new ConfigBinding(null, e.getOriginalMessage());
        }
    }

    /** The bound record, or null when it did not bind ({@link #problem()} says why). */
    <C extends Record> C config(Class<C> type) {
        return config == null ? null : type.cast(config);
    }

    String problem() {
        return problem;
    }
}
