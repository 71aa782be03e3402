package dev.automateos.engine.workflow;

import static dev.automateos.engine.workflow.ValidationCodes.EXPRESSION_SYNTAX;
import static dev.automateos.engine.workflow.ValidationCodes.INVALID_CONFIG;

import dev.automateos.engine.expression.TemplateSyntax;
import dev.automateos.engine.json.JsonPointers;
import dev.automateos.engine.node.ConfigViolation;
import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.node.NodeTypeDescriptor;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks a node's {@code config}: against its node type's JSON Schema (when the type is known),
 * and the syntax of every {@code {{ }}} template in any string inside it (even when the type is
 * unknown, so one save reports as much as possible). An absent config is checked as {@code {}}.
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
        if (descriptor != null) {
            catalog.configSchema(descriptor.type(), descriptor.version()).ifPresent(schema -> {
                for (ConfigViolation violation : schema.validate(effective)) {
                    problems.add(pointer + violation.pointer(), INVALID_CONFIG, violation.message());
                }
            });
        }
        templates(effective, pointer);
    }

    private void templates(JsonNode value, String pointer) {
        if (value.isString()) {
            String text = value.stringValue();
            if (TemplateSyntax.isTemplate(text)) {
                for (String problem : TemplateSyntax.problems(text)) {
                    problems.add(pointer, EXPRESSION_SYNTAX, problem);
                }
            }
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                templates(field.getValue(), JsonPointers.append(pointer, field.getKey()));
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                templates(value.get(i), JsonPointers.append(pointer, i));
            }
        }
    }
}
