package dev.automateos.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.automateos.engine.node.ConfigViolation;
import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A node type's own config rules ({@link NodeType#checkConfig}) run after its schema, with the same pointers. */
class NodeTypeConfigRulesTest {

    /** {@code test.window@1}: a trigger whose {@code to} must come after {@code from}, which no schema can say. */
    static final class Window implements NodeType<Window.Config, JsonNode> {
        record Config(Integer from, Integer to) {}

        @Override
        public NodeSpec spec() {
            return NodeSpec.trigger("test.window", 1, "Window", "Starts inside a window.");
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public List<ConfigViolation> checkConfig(Config config) {
            return config.from() != null && config.to() != null && config.to() <= config.from()
                    ? List.of(new ConfigViolation("/to", "'to' must be after 'from'.")) : List.of();
        }

        @Override
        public JsonNode execute(Config config, NodeContext context) {
            return context.input();
        }
    }

    private static final WorkflowValidator VALIDATOR = new WorkflowValidator(NodeCatalog.of(List.of(new Window())));

    private static List<ValidationProblem> validate(String config) {
        return VALIDATOR.validate(WorkflowFormat.parseJson("""
                {"schema_version": 1, "name": "Window",
                 "trigger": {"id": "t", "type": "test.window", "version": 1, "name": "T", "config": %s},
                 "nodes": [], "connections": []}""".formatted(config)));
    }

    @Test
    void reportsTheTypesRuleAtTheFieldsPointer() {
        assertThat(validate("{\"from\": 5, \"to\": 3}")).extracting(ValidationProblem::path, ValidationProblem::code)
                .containsExactly(tuple("/trigger/config/to", ValidationCodes.INVALID_CONFIG));
    }

    @Test
    void acceptsAConfigThatKeepsTheRule() {
        assertThat(validate("{\"from\": 3, \"to\": 5}")).isEmpty();
    }

    @Test
    void leavesTheRulesAloneWhileTheSchemaFails() {
        assertThat(validate("{\"from\": \"five\", \"to\": 3}")).extracting(ValidationProblem::path)
                .containsExactly("/trigger/config/from");
    }
}
