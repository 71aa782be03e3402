package dev.automateos.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.json.EngineJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class JsonSizeBoundTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static int serialized(JsonNode value) {
        return EngineJson.mapper().writeValueAsString(value).length();
    }

    @Test
    void neverClaimsAValueFitsWhenItsJsonIsLonger() {
        JsonNode tricky = JSON.objectNode().put("quotes", "\"\\\"\\\u0001\u0002\n".repeat(50))
                .put("number", 1.0e-300).set("list", JSON.arrayNode().add(true).addNull().add(-123456789012L));
        int actual = serialized(tricky);

        assertThat(JsonSizeBound.atMost(tricky, actual - 1)).isFalse();
        assertThat(JsonSizeBound.atMost(tricky, actual * 6L + 100)).isTrue();
    }

    @Test
    void saysYesForSmallValuesFarUnderTheLimit() {
        JsonNode small = JSON.objectNode().put("order", 7).put("total", 30);

        assertThat(JsonSizeBound.atMost(small, 1_000_000)).isTrue();
        assertThat(JsonSizeBound.atMost(JSON.stringNode("x".repeat(200_000)), 1_000_000)).isFalse();
    }
}
