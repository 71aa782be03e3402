package dev.automateos.server.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.support.ApiTest;
import dev.automateos.server.support.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web app's API types are generated from {@code web/openapi.json}, a committed copy of the
 * server's OpenAPI document; this keeps the copy true. To refresh it after an API change, run
 * {@code web/scripts/update-api.sh} (it reruns this test with {@code -Dopenapi.update=true},
 * then regenerates the TypeScript types).
 */
class OpenApiSnapshotTest extends ApiTest {

    private static final Path SNAPSHOT = Path.of("..", "web", "openapi.json");

    @Test
    void theDocumentNamesPropertiesAsTheWireCarriesThem() {
        JsonNode schemas = served().path("components").path("schemas");
        assertThat(schemas.path("WorkflowSummary").path("properties").has("trigger_type")).isTrue();
        assertThat(schemas.path("WorkflowSummary").path("properties").has("triggerType")).isFalse();
        assertThat(schemas.path("Problem").path("properties").has("request_id")).isTrue();
    }

    @Test
    void theWebAppsCopyOfTheDocumentIsCurrent() throws Exception {
        String served = TestHttp.json(served());
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(SNAPSHOT, pretty(served) + "\n");
        }
        assertThat(Files.exists(SNAPSHOT)).as("%s exists", SNAPSHOT.toAbsolutePath()).isTrue();
        JsonNode committed = TestHttp.parse(Files.readString(SNAPSHOT));
        assertThat(TestHttp.json(withoutServers(committed)))
                .as("web/openapi.json is out of date: run web/scripts/update-api.sh")
                .isEqualTo(TestHttp.json(withoutServers(TestHttp.parse(served))));
    }

    private JsonNode served() {
        return withoutServers(http.get("/api/openapi.json").send().expectStatus(200).json());
    }

    /** {@code servers} names the test's random port; it says nothing about the API. */
    private static JsonNode withoutServers(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("servers");
        return copy;
    }

    private static String pretty(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(TestHttp.parse(json));
    }
}
