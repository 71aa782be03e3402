package dev.automateos.engine.workflow;

import static dev.automateos.engine.workflow.ValidationCodes.EXPRESSION_SYNTAX;
import static dev.automateos.engine.workflow.ValidationCodes.INVALID_CONFIG;

import dev.automateos.engine.expression.TemplateSyntax;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.node.ConfigViolation;
import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.NodeTypeDescriptor;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks a node's {@code config}: against its node type's JSON Schema, then its node type's own rules
 * ({@link NodeType#checkConfig}) once the schema passed, and the {@code {{ }}} syntax
 * of every string in a field the schema marks {@code "x-expression": true} (a {@code Template}).
 * Plain string fields are used as written, so JSON text in them is not mistaken for a template.
 * When the type is unknown (already reported), nothing is known about its fields and the config is
 * not checked. An absent config is checked as {@code {}}.
 */
final class ConfigCheck {

    private final NodeCatalog catalog;
    private final Problems problems;

    ConfigCheck(NodeCatalog catalog, Problems problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    /**
     * @param config    the config object, or null when absent or not an object
     * @param malformed true when a config is present but not an object (already reported)
     */
    void check(JsonNode config, boolean malformed, String pointer, NodeTypeDescriptor descriptor) {
        if (malformed) {
            return;
        }
        JsonNode effective = config == null ? JsonNodeFactory.instance.objectNode() : config;
        if (descriptor == null) {
            return;
        }
        catalog.configSchema(descriptor.type(), descriptor.version()).ifPresent(schema -> {
            List<ConfigViolation> violations = schema.validate(effective);
            if (violations.isEmpty()) {
                violations = typeRules(descriptor, effective);
            }
            for (ConfigViolation violation : violations) {
                problems.add(pointer + violation.pointer(), INVALID_CONFIG, violation.message());
            }
        });
        new TemplateFields(descriptor.configSchema()).forEach(effective, pointer, (text, at) -> {
            if (TemplateSyntax.isTemplate(text)) {
                for (String problem : TemplateSyntax.problems(text)) {
                    problems.add(at, EXPRESSION_SYNTAX, problem);
                }
            }
        });
    }

    /** The node type's own rules for a config that passed its schema; a config that does not bind is left to the run. */
    private List<ConfigViolation> typeRules(NodeTypeDescriptor descriptor, JsonNode config) {
        NodeType<?, ?> nodeType = catalog.nodeType(descriptor.type(), descriptor.version()).orElse(null);
        return nodeType == null ? List.of() : bindAndCheck(nodeType, config);
    }

    private static <C extends Record> List<ConfigViolation> bindAndCheck(NodeType<C, ?> nodeType, JsonNode config) {
        C bound;
        try {
            bound = EngineJson.mapper().treeToValue(config, nodeType.configType());
        } catch (JacksonException e) {
            return List.of();
        }
        return nodeType.checkConfig(bound);
    }
}
