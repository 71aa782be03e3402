package dev.automateos.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The URLs: info, custom paths unique per user, rotation, and who may read them. */
class WebhookUrlsTest extends WebhookTestSupport {

    private static final String ORDER = "{\"id\": 1, \"amount\": 11}";

    @Test
    void theInfoShowsTheUrlsMethodsAndAuth() {
        var user = newUser(Role.USER);
        String custom = "orders/" + UUID.randomUUID().toString().substring(0, 8);
        UUID workflow = create(user, document("{\"path\": \"" + custom + "\", \"methods\": [\"POST\", \"PATCH\"]}"));

        JsonNode info = info(user, workflow);

        assertThat(info.path("url").asString()).matches("http://127\\.0\\.0\\.1:\\d+/webhook/[A-Za-z0-9_-]{32}");
        assertThat(info.path("test_url").asString())
                .isEqualTo(info.path("url").asString().replace("/webhook/", "/webhook-test/"));
        assertThat(info.path("custom_url").asString()).endsWith("/webhook/u/" + user.username() + "/" + custom);
        assertThat(info.path("methods").values()).extracting(JsonNode::asString).containsExactly("POST", "PATCH");
        assertThat(info.path("auth").path("type").asString()).isEqualTo("none");
        assertThat(info.path("response_mode").asString()).isEqualTo("immediate");
        assertThat(info.path("active").asBoolean()).isFalse();
        assertThat(info(user, workflow).path("url")).isEqualTo(info.path("url"));
    }

    @Test
    void theCustomUrlRunsTheActiveWorkflow() {
        var user = newUser(Role.USER);
        String custom = "shop/" + UUID.randomUUID().toString().substring(0, 8) + "/new";
        UUID workflow = activeWorkflow(user, document("{\"path\": \"" + custom + "\"}"));

        http.post("/webhook/u/" + user.username() + "/" + custom).body(ORDER).send().expectStatus(202);
        http.post("/webhook/u/" + user.username().toUpperCase() + "/" + custom).body(ORDER).send().expectStatus(202);
        http.post("/webhook/u/" + user.username() + "/" + custom + "/more").body(ORDER).send()
                .expectProblem(404, "not_found");

        assertThat(executions(workflow)).isEqualTo(2);
    }

    @Test
    void aCustomPathIsUniquePerUserButFreeForOthers() {
        var user = newUser(Role.USER);
        var other = newUser(Role.USER);
        String custom = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = activeWorkflow(user, document("{\"path\": \"" + custom + "\"}"));
        ObjectNode clash = document("{\"path\": \"" + custom + "\"}");
        long before = workflows(user.id());

        http.post("/api/v1/workflows").token(user.token()).body(clash).send()
                .expectFieldError(409, "webhook_path_taken", "/trigger/config/path");
        UUID theirs = activeWorkflow(other, document("{\"path\": \"" + custom + "\"}"));

        assertThat(workflows(user.id())).isEqualTo(before);
        http.post("/webhook/u/" + user.username() + "/" + custom).body(ORDER).send().expectStatus(202);
        http.post("/webhook/u/" + other.username() + "/" + custom).body(ORDER).send().expectStatus(202);
        assertThat(executions(first)).isEqualTo(1);
        assertThat(executions(theirs)).isEqualTo(1);
    }

    @Test
    void savingAnotherPathFreesTheOldOne() {
        var user = newUser(Role.USER);
        String custom = "move-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode doc = document("{\"path\": \"" + custom + "\"}");
        UUID workflow = activeWorkflow(user, doc);
        ((ObjectNode) doc.get("trigger")).set("config", dev.automateos.server.support.TestHttp.parse(
                "{\"path\": \"" + custom + "-v2\"}"));
        http.put("/api/v1/workflows/" + workflow).token(user.token()).body(doc).send().expectStatus(200);

        http.post("/webhook/u/" + user.username() + "/" + custom).body(ORDER).send().expectProblem(404, "not_found");
        http.post("/webhook/u/" + user.username() + "/" + custom + "-v2").body(ORDER).send().expectStatus(202);
        UUID second = activeWorkflow(user, document("{\"path\": \"" + custom + "\"}"));

        assertThat(executions(second)).isZero();
        assertThat(executions(workflow)).isEqualTo(1);
    }

    @Test
    void rotatingTheTokenRetiresTheOldUrls() {
        var user = newUser(Role.USER);
        UUID workflow = activeWorkflow(user, document("{}"));
        String oldUrl = path(user, workflow, "url");
        String oldTest = path(user, workflow, "test_url");

        JsonNode rotated = http.post("/api/v1/workflows/" + workflow + "/webhook/rotate").token(user.token()).send()
                .expectStatus(200).json();

        http.post(oldUrl).body(ORDER).send().expectProblem(404, "not_found");
        http.post(oldTest).body(ORDER).send().expectProblem(404, "not_found");
        assertThat(executions(workflow)).isZero();
        assertThat(rotated.path("url").asString()).doesNotEndWith(oldUrl);
        http.post(path(user, workflow, "url")).body(ORDER).send().expectStatus(202);
    }

    @Test
    void anotherUserCannotReadOrRotateTheWebhook() {
        var owner = newUser(Role.USER);
        var other = newUser(Role.USER);
        var admin = newUser(Role.ADMIN);
        UUID workflow = activeWorkflow(owner, document("{}"));
        String url = path(owner, workflow, "url");

        http.get("/api/v1/workflows/" + workflow + "/webhook").token(other.token()).send().expectProblem(404, "not_found");
        http.get("/api/v1/workflows/" + workflow + "/webhook").token(admin.token()).send().expectProblem(404, "not_found");
        http.post("/api/v1/workflows/" + workflow + "/webhook/rotate").token(other.token()).send()
                .expectProblem(404, "not_found");
        http.get("/api/v1/workflows/" + UUID.randomUUID() + "/webhook").token(owner.token()).send()
                .expectProblem(404, "not_found");
        http.get("/api/v1/workflows/" + workflow + "/webhook").send().expectProblem(401, "unauthenticated");

        assertThat(path(owner, workflow, "url")).isEqualTo(url);
    }

    @Test
    void aWorkflowWithoutAWebhookTriggerHasNoWebhook() {
        var user = newUser(Role.USER);
        ObjectNode doc = document("{}");
        ((ObjectNode) doc.get("trigger")).put("type", "trigger.manual").set("config",
                dev.automateos.server.support.TestHttp.parse("{}"));
        UUID workflow = create(user, doc);

        http.get("/api/v1/workflows/" + workflow + "/webhook").token(user.token()).send().expectProblem(404, "not_found");

        assertThat(jdbc.sql("select count(*) from webhook_endpoints where workflow_id = ?").param(workflow)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aBearerHeaderThatIsNotOurTokenDoesNotBlockAWebhook() {
        var user = newUser(Role.USER);
        UUID workflow = activeWorkflow(user, document("{}"));

        http.post(path(user, workflow, "url")).header("Authorization", "Bearer not-one-of-ours")
                .header("X-API-Key", "whatever").body(ORDER).send().expectStatus(202);
    }

    @Test
    void aBodyOverTheLimitAnswers413AndStartsNothing() {
        var user = newUser(Role.USER);
        UUID workflow = activeWorkflow(user, document("{}"));

        http.post(path(user, workflow, "url")).body("text/plain", "x".repeat(1024 * 1024 + 1)).send()
                .expectProblem(413, "body_too_large");

        assertThat(executions(workflow)).isZero();
    }

    private long workflows(UUID ownerId) {
        return jdbc.sql("select count(*) from workflows where owner_id = ?").param(ownerId).query(Long.class).single();
    }
}
