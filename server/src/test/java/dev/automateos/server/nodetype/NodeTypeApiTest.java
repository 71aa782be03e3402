package dev.automateos.server.nodetype;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NodeTypeApiTest extends ApiTest {

    private static final String BASE = "/api/v1/node-types";

    @Test
    void listsTheBuiltInNodeTypesWithTheirSchemas() {
        var user = newUser(Role.USER);
        List<JsonNode> all = walk(user.token(), "", 200);

        assertThat(all).extracting(t -> t.path("type").asString() + "@" + t.path("version").asInt())
                .contains("trigger.manual@1", "trigger.webhook@1", "core.noop@1", "transform.set@1", "flow.if@1")
                .doesNotHaveDuplicates();
        JsonNode manual = all.stream().filter(t -> t.path("type").asString().equals("trigger.manual")).findFirst()
                .orElseThrow();
        assertThat(manual.path("kind").asString()).isEqualTo("trigger");
        assertThat(manual.path("name").asString()).isNotBlank();
        assertThat(manual.path("category").asString()).isNotBlank();
        assertThat(manual.path("config_schema").isObject()).isTrue();
    }

    @Test
    void pagesThroughTheCatalogOneTypeAtATime() {
        var user = newUser(Role.USER);
        List<JsonNode> onePage = walk(user.token(), "", 200);
        List<JsonNode> paged = walk(user.token(), "", 1);
        assertThat(paged).isEqualTo(onePage);
    }

    @Test
    void filtersByKindCategoryAndText() {
        var user = newUser(Role.USER);
        List<JsonNode> triggers = walk(user.token(), "&kind=trigger", 200);
        assertThat(triggers).isNotEmpty().allSatisfy(t -> assertThat(t.path("kind").asString()).isEqualTo("trigger"));
        assertThat(triggers).extracting(t -> t.path("type").asString()).contains("trigger.manual", "trigger.webhook", "trigger.schedule");
        List<JsonNode> actions = walk(user.token(), "&kind=ACTION", 200);
        assertThat(actions).extracting(t -> t.path("type").asString()).contains("core.noop", "flow.if")
                .doesNotContain("trigger.manual");

        String category = actions.getFirst().path("category").asString();
        assertThat(walk(user.token(), "&category=" + category, 200))
                .allSatisfy(t -> assertThat(t.path("category").asString()).isEqualTo(category));
        assertThat(walk(user.token(), "&q=WEBHOOK", 200)).extracting(t -> t.path("type").asString())
                .contains("trigger.webhook").doesNotContain("core.noop");
        assertThat(walk(user.token(), "&q=no-such-thing-anywhere", 200)).isEmpty();
    }

    @Test
    void rejectsAnUnknownKindAndBadPaging() {
        var user = newUser(Role.USER);
        http.get(BASE + "?kind=robot").token(user.token()).send().expectFieldError(400, "validation_failed", "kind");
        http.get(BASE + "?limit=0").token(user.token()).send().expectFieldError(400, "validation_failed", "limit");
        http.get(BASE + "?cursor=a*b").token(user.token()).send().expectStatus(400);
        String cursor = dev.automateos.server.web.PageRequest.encode("core.noop", "one");
        http.get(BASE + "?cursor=" + cursor).token(user.token()).send()
                .expectFieldError(400, "validation_failed", "cursor");
    }

    @Test
    void readsOneNodeTypeVersion() {
        var user = newUser(Role.USER);
        JsonNode set = http.get(BASE + "/transform.set/1").token(user.token()).send().expectStatus(200).json();
        assertThat(set.path("type").asString()).isEqualTo("transform.set");
        assertThat(set.path("version").asInt()).isEqualTo(1);
        assertThat(set.path("kind").asString()).isEqualTo("action");
        assertThat(set.path("config_schema").isObject()).isTrue();

        JsonNode condition = http.get(BASE + "/flow.if/1").token(user.token()).send().expectStatus(200).json();
        assertThat(condition.path("outputs").valueStream().map(JsonNode::asString)).containsExactly("true", "false");

        http.get(BASE + "/transform.set/99").token(user.token()).send().expectProblem(404, "not_found");
        http.get(BASE + "/no.such.type/1").token(user.token()).send().expectProblem(404, "not_found");
        http.get(BASE + "/transform.set/first").token(user.token()).send()
                .expectFieldError(400, "validation_failed", "version");
    }

    @Test
    void needsALogIn() {
        http.get(BASE).send().expectProblem(401, "unauthenticated");
    }

    private List<JsonNode> walk(String token, String query, int limit) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = BASE + "?limit=" + limit + query + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = http.get(path).token(token).send().expectStatus(200).json();
            page.path("items").forEach(all::add);
            cursor = page.path("next_cursor").isString() ? page.path("next_cursor").asString() : null;
        } while (cursor != null && all.size() < 1000);
        return all;
    }
}
