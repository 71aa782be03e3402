package dev.automateos.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.support.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkflowApiTest extends WorkflowApiSupport {

    @Test
    void createsAWorkflowAndReadsItBack() {
        var user = newUser(Role.USER);
        var doc = document("Greeter", "demo", "hello");
        var response = http.post(BASE).token(user.token()).body(doc).send().expectStatus(201);
        JsonNode created = response.json();
        String id = created.path("id").asString();

        assertThat(response.header("Location")).isEqualTo(BASE + "/" + id);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.path("name").asString()).isEqualTo("Greeter");
        assertThat(created.path("description").asString()).isEqualTo("Says hello.");
        assertThat(created.path("tags").valueStream().map(JsonNode::asString)).containsExactly("demo", "hello");
        assertThat(created.path("active").asBoolean()).isFalse();
        assertThat(created.path("trigger_type").asString()).isEqualTo("trigger.manual");
        assertThat(created.path("version").asInt()).isEqualTo(1);
        assertThat(created.path("owner_id").asString()).isEqualTo(user.id().toString());
        assertThat(created.path("created_at").asString()).isEqualTo(created.path("updated_at").asString());
        assertThat(created.path("definition")).isEqualTo(doc);

        var read = http.get(BASE + "/" + id).token(user.token()).send().expectStatus(200);
        assertThat(read.json()).isEqualTo(created);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void listShowsSummariesWithoutTheDocument() {
        var user = newUser(Role.USER);
        String id = create(user, document("Listed", "x")).path("id").asString();
        JsonNode page = http.get(BASE).token(user.token()).send().expectStatus(200).json();

        assertThat(page.path("items").size()).isEqualTo(1);
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("id").asString()).isEqualTo(id);
        assertThat(item.has("definition")).isFalse();
        assertThat(item.propertyNames()).contains("id", "name", "description", "tags", "active", "trigger_type",
                "version", "owner_id", "created_at", "updated_at");
        assertThat(page.has("next_cursor")).isFalse();
    }

    @Test
    void filtersByNameIgnoringCase() {
        var user = newUser(Role.USER);
        create(user, document("Daily Report"));
        create(user, document("weekly report"));
        create(user, document("Backup"));

        assertThat(names(user, "?name=REPORT")).containsExactlyInAnyOrder("Daily Report", "weekly report");
        assertThat(names(user, "?name=kup")).containsExactly("Backup");
        assertThat(names(user, "?name=100%25")).isEmpty();
    }

    @Test
    void filtersByActiveState() {
        var user = newUser(Role.USER);
        String on = create(user, document("On")).path("id").asString();
        create(user, document("Off"));
        http.patch(BASE + "/" + on).token(user.token()).body(Map.of("active", true)).send().expectStatus(200);

        assertThat(names(user, "?active=true")).containsExactly("On");
        assertThat(names(user, "?active=false")).containsExactly("Off");
        assertThat(names(user, "")).containsExactlyInAnyOrder("On", "Off");
    }

    @Test
    void rejectsAnActiveFilterThatIsNotTrueOrFalse() {
        var user = newUser(Role.USER);
        http.get(BASE + "?active=yes").token(user.token()).send().expectFieldError(400, "validation_failed", "active");
    }

    @Test
    void filtersByExactTag() {
        var user = newUser(Role.USER);
        String tag = unique("team");
        create(user, document("Tagged", tag, "other"));
        create(user, document("Longer tag", tag + "x"));
        create(user, document("Untagged"));

        assertThat(names(user, "?tag=" + tag)).containsExactly("Tagged");
        assertThat(names(user, "?tag=" + tag + "&name=tag")).containsExactly("Tagged");
        assertThat(names(user, "?tag=" + tag + "&active=true")).isEmpty();
    }

    @Test
    void walksEveryPageWithoutDuplicatesOrGaps() {
        var user = newUser(Role.USER);
        String tag = unique("page");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(create(user, document("Paged " + i, tag)).path("id").asString());
        }
        create(user, document("Not on these pages"));

        List<String> walked = walk(user, "&tag=" + tag, 3);
        // Newest change first: the reverse of creation order.
        assertThat(walked).containsExactlyElementsOf(created.reversed());
        assertThat(walk(user, "", 2)).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void anUpdatedWorkflowMovesToTheFrontOfTheList() {
        var user = newUser(Role.USER);
        String first = create(user, document("First")).path("id").asString();
        String second = create(user, document("Second")).path("id").asString();
        put(user, first, document("First, edited")).expectStatus(200);

        assertThat(walk(user, "", 50)).containsExactly(first, second);
    }

    @Test
    void rejectsABadCursorOrLimit() {
        var user = newUser(Role.USER);
        http.get(BASE + "?cursor=not-a-cursor!").token(user.token()).send()
                .expectFieldError(400, "validation_failed", "cursor");
        String wrongParts = dev.automateos.server.web.PageRequest.encode("only-one-part");
        http.get(BASE + "?cursor=" + wrongParts).token(user.token()).send()
                .expectFieldError(400, "validation_failed", "cursor");
        String badValues = dev.automateos.server.web.PageRequest.encode("yesterday", "not-a-uuid");
        http.get(BASE + "?cursor=" + badValues).token(user.token()).send()
                .expectFieldError(400, "validation_failed", "cursor");
        http.get(BASE + "?limit=0").token(user.token()).send().expectFieldError(400, "validation_failed", "limit");
        http.get(BASE + "?limit=201").token(user.token()).send().expectFieldError(400, "validation_failed", "limit");
        http.get(BASE + "?limit=ten").token(user.token()).send().expectFieldError(400, "validation_failed", "limit");
    }

    @Test
    void savingADocumentMakesANewVersion() {
        var user = newUser(Role.USER);
        JsonNode created = create(user, document("Versioned", "a"));
        String id = created.path("id").asString();
        var changed = withExtraNode(document("Versioned v2", "b"));

        var response = http.put(BASE + "/" + id + "?message=Added%20a%20step").token(user.token()).body(changed)
                .send().expectStatus(200);
        JsonNode saved = response.json();
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
        assertThat(saved.path("version").asInt()).isEqualTo(2);
        assertThat(saved.path("name").asString()).isEqualTo("Versioned v2");
        assertThat(saved.path("tags").valueStream().map(JsonNode::asString)).containsExactly("b");
        assertThat(saved.path("definition")).isEqualTo(changed);
        assertThat(saved.path("created_at")).isEqualTo(created.path("created_at"));

        JsonNode read = http.get(BASE + "/" + id).token(user.token()).send().expectStatus(200).json();
        assertThat(read.path("definition")).isEqualTo(changed);
        assertThat(names(user, "?tag=a")).isEmpty();
        assertThat(names(user, "?tag=b")).containsExactly("Versioned v2");
        assertThat(versionRows(id)).isEqualTo(2);
    }

    @Test
    void savingTheSameDocumentAgainKeepsTheVersion() {
        var user = newUser(Role.USER);
        var doc = document("Unchanged");
        String id = create(user, doc).path("id").asString();

        JsonNode saved = put(user, id, doc).expectStatus(200).json();
        assertThat(saved.path("version").asInt()).isEqualTo(1);
        assertThat(versionRows(id)).isEqualTo(1);
    }

    @Test
    void refusesASaveBasedOnAStaleVersion() {
        var user = newUser(Role.USER);
        var doc = document("Contended");
        String id = create(user, doc).path("id").asString();
        http.put(BASE + "/" + id).token(user.token()).header("If-Match", "\"1\"").body(withExtraNode(doc)).send()
                .expectStatus(200);

        var stale = document("Contended, stale edit");
        http.put(BASE + "/" + id).token(user.token()).header("If-Match", "\"1\"").body(stale).send()
                .expectProblem(412, "version_conflict");
        assertThat(versionRows(id)).isEqualTo(2);
        JsonNode read = http.get(BASE + "/" + id).token(user.token()).send().json();
        assertThat(read.path("name").asString()).isEqualTo("Contended");

        http.put(BASE + "/" + id).token(user.token()).header("If-Match", "2").body(stale).send().expectStatus(200);
        http.put(BASE + "/" + id).token(user.token()).header("If-Match", "two").body(doc).send()
                .expectFieldError(400, "validation_failed", "If-Match");
    }

    @Test
    void activatesAndDeactivatesWithoutANewVersion() {
        var user = newUser(Role.USER);
        String id = create(user, document("Switch")).path("id").asString();

        JsonNode on = http.patch(BASE + "/" + id).token(user.token()).body(Map.of("active", true)).send()
                .expectStatus(200).json();
        assertThat(on.path("active").asBoolean()).isTrue();
        assertThat(on.path("version").asInt()).isEqualTo(1);
        assertThat(on.has("definition")).isTrue();
        JsonNode off = http.patch(BASE + "/" + id).token(user.token()).body(Map.of("active", false)).send()
                .expectStatus(200).json();
        assertThat(off.path("active").asBoolean()).isFalse();
        assertThat(versionRows(id)).isEqualTo(1);
    }

    @Test
    void patchAcceptsOnlyTheActiveFlag() {
        var user = newUser(Role.USER);
        String id = create(user, document("Strict patch")).path("id").asString();
        String path = BASE + "/" + id;

        http.patch(path).token(user.token()).body(Map.of("active", true, "name", "Renamed")).send()
                .expectFieldError(400, "validation_failed", "/name");
        http.patch(path).token(user.token()).body(Map.of()).send()
                .expectFieldError(400, "validation_failed", "/active");
        http.patch(path).token(user.token()).body("{\"active\": \"maybe\"}").send()
                .expectFieldError(400, "validation_failed", "/active");
        JsonNode read = http.get(path).token(user.token()).send().json();
        assertThat(read.path("active").asBoolean()).isFalse();
        assertThat(read.path("name").asString()).isEqualTo("Strict patch");
    }

    @Test
    void deleteRemovesTheWorkflowAndItsVersions() {
        var user = newUser(Role.USER);
        var doc = document("Doomed");
        String id = create(user, doc).path("id").asString();
        put(user, id, withExtraNode(doc)).expectStatus(200);

        http.delete(BASE + "/" + id).token(user.token()).send().expectStatus(204);
        http.get(BASE + "/" + id).token(user.token()).send().expectProblem(404, "not_found");
        http.delete(BASE + "/" + id).token(user.token()).send().expectProblem(404, "not_found");
        assertThat(versionRows(id)).isZero();
        assertThat(workflowRows(user.id())).isZero();
    }

    @Test
    void namesAreUniquePerOwnerIgnoringCase() {
        var user = newUser(Role.USER);
        var other = newUser(Role.USER);
        create(user, document("Inbox Zero"));
        String second = create(user, document("Second")).path("id").asString();

        http.post(BASE).token(user.token()).body(document("inbox zero")).send()
                .expectProblem(409, "workflow_name_taken");
        assertThat(workflowRows(user.id())).isEqualTo(2);
        put(user, second, document("INBOX ZERO")).expectProblem(409, "workflow_name_taken");
        assertThat(versionRows(second)).isEqualTo(1);
        create(other, document("Inbox Zero"));
    }

    @Test
    void rejectsAnInvalidDocumentWithEveryProblemAndWritesNothing() {
        var user = newUser(Role.USER);
        var doc = document("ignored");
        doc.remove("name");
        doc.withArray("nodes").add(TestHttp.parse("""
                {"id": "mystery", "type": "nope.nothing", "version": 1, "name": "Mystery", "config": {}}"""));
        doc.withArray("connections").add(TestHttp.parse("""
                {"from": "greet", "to": "ghost"}"""));

        JsonNode problem = http.post(BASE).token(user.token()).body(doc).send()
                .expectProblem(422, "workflow_invalid");
        List<String> paths = problem.path("errors").valueStream().map(e -> e.path("path").asString()).toList();
        assertThat(paths).contains("/name").anyMatch(p -> p.startsWith("/nodes/1"))
                .anyMatch(p -> p.startsWith("/connections/1"));
        problem.path("errors").forEach(e -> assertThat(e.path("code").asString()).isNotBlank());
        assertThat(workflowRows(user.id())).isZero();
    }

    @Test
    void rejectsUnknownFieldsInTheDocument() {
        var user = newUser(Role.USER);
        var doc = document("Typo");
        doc.put("colour", "red");
        ((tools.jackson.databind.node.ObjectNode) doc.withArray("nodes").get(0)).put("retries", 3);

        JsonNode problem = http.post(BASE).token(user.token()).body(doc).send()
                .expectFieldError(422, "workflow_invalid", "/colour");
        assertThat(problem.path("errors").valueStream().filter(e -> e.path("path").asString().equals("/nodes/0/retries"))
                .map(e -> e.path("code").asString())).containsExactly("unknown_field");
        assertThat(workflowRows(user.id())).isZero();
    }

    @Test
    void aFailedUpdateChangesNothing() {
        var user = newUser(Role.USER);
        var doc = document("Stable");
        String id = create(user, doc).path("id").asString();
        var broken = document("Stable");
        ((tools.jackson.databind.node.ObjectNode) broken.withArray("nodes").get(0)).put("type", "nope.nothing");

        put(user, id, broken).expectProblem(422, "workflow_invalid");
        JsonNode read = http.get(BASE + "/" + id).token(user.token()).send().json();
        assertThat(read.path("version").asInt()).isEqualTo(1);
        assertThat(read.path("definition")).isEqualTo(doc);
        assertThat(versionRows(id)).isEqualTo(1);
    }

    @Test
    void rejectsFieldsTooLongForTheList() {
        var user = newUser(Role.USER);
        var doc = document("x".repeat(201), "t".repeat(65));
        JsonNode problem = http.post(BASE).token(user.token()).body(doc).send()
                .expectProblem(422, "workflow_invalid");
        List<String> paths = problem.path("errors").valueStream().map(e -> e.path("path").asString()).toList();
        assertThat(paths).contains("/name", "/tags/0");
        assertThat(workflowRows(user.id())).isZero();
    }

    @Test
    void rejectsMalformedJsonNamingWhereItBroke() {
        var user = newUser(Role.USER);
        JsonNode problem = http.post(BASE).token(user.token()).body("{\n  \"name\": \"x\",\n  oops\n}").send()
                .expectProblem(400, "malformed_body");
        assertThat(problem.path("detail").asString()).contains("JSON").contains("line 3");
        http.post(BASE).token(user.token()).body("").send().expectProblem(400, "malformed_body");
        assertThat(workflowRows(user.id())).isZero();
    }

    @Test
    void rejectsMalformedYamlNamingWhereItBroke() {
        var user = newUser(Role.USER);
        JsonNode problem = http.post(BASE).token(user.token())
                .body("application/yaml", "name: x\ntrigger: [unclosed\nnodes: {}\n").send()
                .expectProblem(400, "malformed_body");
        assertThat(problem.path("detail").asString()).contains("YAML").contains("line");
        assertThat(workflowRows(user.id())).isZero();
    }

    @Test
    void acceptsEveryYamlContentType() {
        var user = newUser(Role.USER);
        int n = 0;
        for (String type : List.of("application/yaml", "text/yaml", "application/x-yaml; charset=utf-8")) {
            String yaml = WorkflowTransferApiTest.yamlDocument("Yaml é " + n++);
            JsonNode created = http.post(BASE).token(user.token()).body(type, yaml).send().expectStatus(201).json();
            assertThat(created.path("name").asString()).startsWith("Yaml é");
            assertThat(created.path("trigger_type").asString()).isEqualTo("trigger.manual");
        }
    }

    @Test
    void refusesOtherContentTypes() {
        var user = newUser(Role.USER);
        http.post(BASE).token(user.token()).body("text/plain", "name: x").send()
                .expectProblem(415, "unsupported_media_type");
    }

    @Test
    void answersBadRequestForAMalformedIdAndNotFoundForAnUnknownOne() {
        var user = newUser(Role.USER);
        http.get(BASE + "/not-a-uuid").token(user.token()).send().expectFieldError(400, "validation_failed", "id");
        http.get(BASE + "/" + java.util.UUID.randomUUID()).token(user.token()).send().expectProblem(404, "not_found");
    }

    @Test
    void anotherUsersWorkflowIsNotFoundForEveryVerb() {
        var owner = newUser(Role.USER);
        var stranger = newUser(Role.USER);
        var doc = document("Private");
        String path = BASE + "/" + create(owner, doc).path("id").asString();
        String t = stranger.token();

        http.get(path).token(t).send().expectProblem(404, "not_found");
        put(stranger, path.substring(BASE.length() + 1), withExtraNode(doc)).expectProblem(404, "not_found");
        http.patch(path).token(t).body(Map.of("active", true)).send().expectProblem(404, "not_found");
        http.delete(path).token(t).send().expectProblem(404, "not_found");
        http.get(path + "/versions").token(t).send().expectProblem(404, "not_found");
        http.get(path + "/versions/1").token(t).send().expectProblem(404, "not_found");
        http.get(path + "/diff?from=1&to=1").token(t).send().expectProblem(404, "not_found");
        http.post(path + "/versions/1/restore").token(t).send().expectProblem(404, "not_found");
        http.get(path + "/export").token(t).send().expectProblem(404, "not_found");
        assertThat(walk(stranger, "", 50)).isEmpty();

        JsonNode untouched = http.get(path).token(owner.token()).send().expectStatus(200).json();
        assertThat(untouched.path("version").asInt()).isEqualTo(1);
        assertThat(untouched.path("active").asBoolean()).isFalse();
    }

    @Test
    void observerSeesEveryWorkflowButCannotChangeAny() {
        var owner = newUser(Role.USER);
        var observer = newUser(Role.OBSERVER);
        String tag = unique("watched");
        var doc = document("Watched", tag);
        String id = create(owner, doc).path("id").asString();
        String path = BASE + "/" + id;

        assertThat(walk(observer, "&tag=" + tag, 50)).containsExactly(id);
        http.get(path).token(observer.token()).send().expectStatus(200);
        http.get(path + "/versions").token(observer.token()).send().expectStatus(200);
        http.post(BASE).token(observer.token()).body(document("Mine")).send().expectProblem(403, "forbidden");
        put(observer, id, withExtraNode(doc)).expectProblem(403, "forbidden");
        http.patch(path).token(observer.token()).body(Map.of("active", true)).send().expectProblem(403, "forbidden");
        http.delete(path).token(observer.token()).send().expectProblem(403, "forbidden");
        assertThat(workflowRows(observer.id())).isZero();
        assertThat(versionRows(id)).isEqualTo(1);
    }

    @Test
    void adminSeesAndChangesEveryonesWorkflows() {
        var owner = newUser(Role.USER);
        var admin = newUser(Role.ADMIN);
        String tag = unique("admin");
        var doc = document("Administered", tag);
        String id = create(owner, doc).path("id").asString();

        assertThat(walk(admin, "&tag=" + tag, 50)).containsExactly(id);
        JsonNode saved = put(admin, id, withExtraNode(doc)).expectStatus(200).json();
        assertThat(saved.path("owner_id").asString()).isEqualTo(owner.id().toString());
        JsonNode version = http.get(BASE + "/" + id + "/versions/2").token(owner.token()).send().json();
        assertThat(version.path("created_by").asString()).isEqualTo(admin.id().toString());
    }

    private List<String> names(TestUser user, String query) {
        JsonNode page = http.get(BASE + query).token(user.token()).send().expectStatus(200).json();
        return page.path("items").valueStream().map(i -> i.path("name").asString()).toList();
    }
}
