package dev.automateos.engine.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NodeCatalogTest {

    /** A configurable node type, so each test states exactly what it registers. */
    private record Fake(NodeSpec spec) implements NodeType<Fake.Config, JsonNode> {
        record Config(String value) {}

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public JsonNode execute(Config config, NodeContext context) {
            return context.input();
        }
    }

    private static Fake fake(String type, int version) {
        return new Fake(NodeSpec.action(type, version, "Fake " + type, "A fake.", "test"));
    }

    @Test
    void listsNodeTypesSortedByTypeThenVersion() {
        NodeCatalog catalog = NodeCatalog.of(List.of(fake("b.two", 1), fake("a.one", 2), fake("a.one", 1)));

        assertThat(catalog.all()).extracting(NodeTypeDescriptor::type, NodeTypeDescriptor::version)
                .containsExactly(tuple("a.one", 1), tuple("a.one", 2), tuple("b.two", 1));
        assertThat(catalog.versions("a.one")).containsExactly(1, 2);
    }

    @Test
    void findsADescriptorWithItsSchemaAndOutputs() {
        NodeCatalog catalog = NodeCatalog.of(List.of(new Fake(
                NodeSpec.action("x.branch", 1, "Branch", "Branches.", "flow").withOutputs("yes", "no"))));

        NodeTypeDescriptor descriptor = catalog.find("x.branch", 1).orElseThrow();

        assertThat(descriptor.outputs()).containsExactly("yes", "no");
        assertThat(descriptor.kind()).isEqualTo(NodeKind.ACTION);
        assertThat(descriptor.configSchema().at("/properties/value/type").asString()).isEqualTo("string");
        assertThat(descriptor.configSchema().get("title").asString()).isEqualTo("Branch");
        assertThat(catalog.find("x.branch", 2)).isEmpty();
        assertThat(catalog.nodeType("x.branch", 1)).isPresent();
    }

    @Test
    void refusesTwoImplementationsOfTheSameTypeAndVersion() {
        assertThatThrownBy(() -> NodeCatalog.of(List.of(fake("a.one", 1), fake("a.one", 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a.one@1");
    }

    @Test
    void rejectsMalformedSpecs() {
        assertThatThrownBy(() -> NodeSpec.action("NoDot", 1, "x", "x", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeSpec.action("a.b", 0, "x", "x", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeSpec.action("a.b", 1, "x", "x", "x").withOutputs())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discoversNothingWhenNoNodeModuleIsOnTheClassPath() {
        assertThat(NodeCatalog.discover().all()).isEmpty();
        assertThat(NodeCatalog.discover()).isSameAs(NodeCatalog.discover());
    }
}
