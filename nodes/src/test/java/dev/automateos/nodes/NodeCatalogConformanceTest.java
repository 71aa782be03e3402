package dev.automateos.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.NodeTypeDescriptor;
import dev.automateos.engine.workflow.WorkflowFormat;
import dev.automateos.engine.workflow.WorkflowValidator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Walks the discovered catalog and holds every node type to the rules of the node SPI. A new node
 * type needs no change here: registering it is enough to be checked.
 */
class NodeCatalogConformanceTest {

    private static final NodeCatalog CATALOG = NodeCatalog.discover();
    private static final WorkflowValidator VALIDATOR = new WorkflowValidator(CATALOG);

    @SuppressWarnings("rawtypes")
    static List<NodeType<?, ?>> nodeTypes() {
        List<NodeType<?, ?>> found = new java.util.ArrayList<>();
        for (NodeType nodeType : ServiceLoader.load(NodeType.class)) {
            found.add(nodeType);
        }
        return found;
    }

    @Test
    void discoversEveryBuiltInNodeTypeOnce() {
        Set<String> keys = new HashSet<>();
        for (NodeType<?, ?> nodeType : nodeTypes()) {
            assertThat(keys.add(nodeType.spec().type() + "@" + nodeType.spec().version()))
                    .as("(type, version) of %s is unique", nodeType.getClass().getName()).isTrue();
        }
        assertThat(CATALOG.all()).hasSize(keys.size())
                .extracting(d -> d.type() + "@" + d.version())
                .contains("trigger.manual@1", "trigger.webhook@1", "trigger.schedule@1", "core.noop@1", "core.stop_error@1", "transform.set@1",
                        "flow.if@1", "flow.if@2", "flow.filter@1", "flow.switch@1", "webhook.respond@1");
    }

    @Test
    void registersEveryNodeTypeClassOfThisModule() throws IOException, URISyntaxException {
        Path classes = Path.of(NoopNodeClassLocation.URL.toURI());
        Set<String> registered = new HashSet<>();
        nodeTypes().forEach(t -> registered.add(t.getClass().getName()));
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> implementations = files.map(p -> classes.relativize(p).toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.replace(".class", "").replace('/', '.'))
                    .filter(NodeCatalogConformanceTest::isNodeType)
                    .toList();
            assertThat(registered).as("META-INF/services lists every NodeType").containsAll(implementations);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeTypes")
    void followsTheNodeSpiShape(NodeType<?, ?> nodeType) {
        Class<?> type = nodeType.getClass();
        assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type.getSimpleName()).isTrue();
        assertThat(nodeType.configType().getEnclosingClass()).as("Config is nested in the node class").isEqualTo(type);
        assertThat(nodeType.configType().getSimpleName()).isEqualTo("Config");
        assertThat(nodeType.spec().outputs()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeTypes")
    void generatesAValidJsonSchema(NodeType<?, ?> nodeType) {
        NodeTypeDescriptor descriptor = descriptor(nodeType);
        var metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(descriptor.configSchema())).isEmpty();
        assertThat(descriptor.configSchema().get("additionalProperties").booleanValue()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeTypes")
    void hasAnExampleWorkflowThatValidatesAndUsesIt(NodeType<?, ?> nodeType) throws IOException {
        String name = "examples/" + nodeType.spec().type() + "@" + nodeType.spec().version() + ".json";
        JsonNode example;
        try (InputStream in = nodeType.getClass().getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("example %s exists", name).isNotNull();
            example = WorkflowFormat.parseJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        assertThat(VALIDATOR.validate(example)).as("problems in %s", name).isEmpty();
        List<JsonNode> uses = Stream.concat(Stream.of(example.get("trigger")), example.path("nodes").values().stream())
                .filter(n -> n.get("type").asString().equals(nodeType.spec().type())
                        && n.get("version").intValue() == nodeType.spec().version())
                .toList();
        assertThat(uses).as("%s uses the node type", name).isNotEmpty();
        for (JsonNode use : uses) {
            JsonNode config = use.has("config") ? use.get("config") : EngineJson.mapper().createObjectNode();
            assertThat(EngineJson.mapper().treeToValue(config, nodeType.configType())).isNotNull();
        }
    }

    private static NodeTypeDescriptor descriptor(NodeType<?, ?> nodeType) {
        return CATALOG.find(nodeType.spec().type(), nodeType.spec().version()).orElseThrow();
    }

    private static boolean isNodeType(String className) {
        try {
            Class<?> type = Class.forName(className, false, NodeCatalogConformanceTest.class.getClassLoader());
            return NodeType.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Where this module's main classes are: the code source of a class that lives there. */
    private static final class NoopNodeClassLocation {
        static final java.net.URL URL =
                dev.automateos.nodes.core.NoopNode.class.getProtectionDomain().getCodeSource().getLocation();
    }
}
