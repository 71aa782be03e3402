package dev.automateos.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class WorkflowVersionApiTest extends WorkflowApiSupport {

    @Test
    void listsVersionsNewestFirstAcrossPages() {
        var user = newUser(Role.USER);
        var doc = document("History");
        String id = create(user, doc).path("id").asString();
        http.put(BASE + "/" + id + "?message=second").token(user.token()).body(withExtraNode(doc)).send()
                .expectStatus(200);
        http.put(BASE + "/" + id + "?message=third").token(user.token()).body(document("History, again")).send()
                .expectStatus(200);

        List<JsonNode> seen = new ArrayList<>();
        JsonNode page = http.get(BASE + "/" + id + "/versions?limit=2").token(user.token()).send()
                .expectStatus(200).json();
        page.path("items").forEach(seen::add);
        String cursor = page.path("next_cursor").asString();
        page = http.get(BASE + "/" + id + "/versions?limit=2&cursor=" + cursor).token(user.token()).send()
                .expectStatus(200).json();
        page.path("items").forEach(seen::add);

        assertThat(page.has("next_cursor")).isFalse();
        assertThat(seen).extracting(v -> v.path("version").asInt()).containsExactly(3, 2, 1);
        assertThat(seen).extracting(v -> v.path("message").asString("")).containsExactly("third", "second", "");
        assertThat(seen).allSatisfy(v -> {
            assertThat(v.path("created_by").asString()).isEqualTo(user.id().toString());
            assertThat(v.path("created_at").asString()).isNotBlank();
            assertThat(v.has("definition")).isFalse();
        });
    }

    @Test
    void rejectsABadVersionsCursor() {
        var user = newUser(Role.USER);
        String id = create(user, document("Cursor")).path("id").asString();
        String cursor = dev.automateos.server.web.PageRequest.encode("three");
        http.get(BASE + "/" + id + "/versions?cursor=" + cursor).token(user.token()).send()
                .expectFieldError(400, "validation_failed", "cursor");
    }

    @Test
    void readsOneVersionWithItsDocument() {
        var user = newUser(Role.USER);
        var doc = document("Snapshot");
        String id = create(user, doc).path("id").asString();
        put(user, id, withExtraNode(doc)).expectStatus(200);

        JsonNode first = http.get(BASE + "/" + id + "/versions/1").token(user.token()).send().expectStatus(200).json();
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.path("definition")).isEqualTo(doc);
        http.get(BASE + "/" + id + "/versions/3").token(user.token()).send().expectProblem(404, "not_found");
        http.get(BASE + "/" + id + "/versions/latest").token(user.token()).send()
                .expectFieldError(400, "validation_failed", "version");
    }

    @Test
    void diffListsWhatChangedBetweenTwoVersions() {
        var user = newUser(Role.USER);
        var doc = document("Diffed");
        String id = create(user, doc).path("id").asString();
        ObjectNode changed = withExtraNode(doc);
        changed.put("name", "Diffed, renamed");
        put(user, id, changed).expectStatus(200);

        JsonNode diff = http.get(BASE + "/" + id + "/diff?from=1&to=2").token(user.token()).send()
                .expectStatus(200).json();
        assertThat(diff.path("from").asInt()).isEqualTo(1);
        assertThat(diff.path("to").asInt()).isEqualTo(2);
        JsonNode rename = diff.path("changes").valueStream().filter(c -> c.path("path").asString().equals("/name"))
                .findFirst().orElseThrow();
        assertThat(rename.path("op").asString()).isEqualTo("replace");
        assertThat(rename.path("old_value").asString()).isEqualTo("Diffed");
        assertThat(rename.path("new_value").asString()).isEqualTo("Diffed, renamed");
        assertThat(diff.path("changes").valueStream().map(c -> c.path("path").asString()))
                .anyMatch(p -> p.startsWith("/nodes/1"));

        JsonNode none = http.get(BASE + "/" + id + "/diff?from=2&to=2").token(user.token()).send()
                .expectStatus(200).json();
        assertThat(none.path("changes").size()).isZero();
    }

    @Test
    void diffRejectsMissingOrInvalidVersionNumbers() {
        var user = newUser(Role.USER);
        String base = BASE + "/" + create(user, document("Diff errors")).path("id").asString() + "/diff";

        http.get(base + "?from=1").token(user.token()).send().expectFieldError(400, "validation_failed", "to");
        http.get(base + "?to=1").token(user.token()).send().expectFieldError(400, "validation_failed", "from");
        http.get(base + "?from=one&to=1").token(user.token()).send().expectFieldError(400, "validation_failed", "from");
        http.get(base + "?from=0&to=1").token(user.token()).send().expectFieldError(400, "validation_failed", "from");
        http.get(base + "?from=1&to=9").token(user.token()).send().expectProblem(404, "not_found");
    }

    @Test
    void restoreSavesAnOldDocumentAsANewVersion() {
        var user = newUser(Role.USER);
        var doc = document("Restorable");
        String id = create(user, doc).path("id").asString();
        put(user, id, withExtraNode(doc)).expectStatus(200);

        var response = http.post(BASE + "/" + id + "/versions/1/restore").token(user.token()).send()
                .expectStatus(200);
        JsonNode restored = response.json();
        assertThat(restored.path("version").asInt()).isEqualTo(3);
        assertThat(response.header("ETag")).isEqualTo("\"3\"");
        assertThat(restored.path("definition")).isEqualTo(doc);
        JsonNode version = http.get(BASE + "/" + id + "/versions/3").token(user.token()).send().json();
        assertThat(version.path("message").asString()).isEqualTo("Restored version 1.");
        JsonNode second = http.get(BASE + "/" + id + "/versions/2").token(user.token()).send().json();
        assertThat(second.path("definition")).isEqualTo(withExtraNode(doc));
    }

    @Test
    void restoreRefusesUnknownVersionsAndStaleSaves() {
        var user = newUser(Role.USER);
        var doc = document("Restore errors");
        String id = create(user, doc).path("id").asString();
        put(user, id, withExtraNode(doc)).expectStatus(200);

        http.post(BASE + "/" + id + "/versions/7/restore").token(user.token()).send().expectProblem(404, "not_found");
        http.post(BASE + "/" + id + "/versions/1/restore").token(user.token()).header("If-Match", "\"1\"").send()
                .expectProblem(412, "version_conflict");
        assertThat(versionRows(id)).isEqualTo(2);
    }
}
