package dev.automateos.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.support.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkflowTransferApiTest extends WorkflowApiSupport {

    static String yamlDocument(String name) {
        return """
                schema_version: 1
                name: "%s"
                tags: [yaml]
                trigger:
                  id: start
                  type: trigger.manual
                  version: 1
                  name: Start
                  config: {}
                nodes:
                  - id: greet
                    type: transform.set
                    version: 1
                    name: Greet
                    config:
                      fields:
                        greeting: "Hello {{ $trigger.body.name }}"
                connections:
                  - from: start
                    to: greet
                """.formatted(name);
    }

    @Test
    void exportsJsonThatImportsBackAsItIs() {
        var user = newUser(Role.USER);
        var doc = document("Round Trip: JSON!");
        String id = create(user, doc).path("id").asString();

        var export = http.get(BASE + "/" + id + "/export").token(user.token()).send().expectStatus(200);
        assertThat(export.header("Content-Type")).startsWith("application/json");
        assertThat(export.header("Content-Disposition")).isEqualTo("attachment; filename=\"round-trip-json.json\"");
        assertThat(export.json()).isEqualTo(doc);

        var other = newUser(Role.USER);
        JsonNode imported = http.post(BASE + "/import").token(other.token()).body("application/json", export.text())
                .send().expectStatus(201).json();
        assertThat(imported.path("definition")).isEqualTo(doc);
        assertThat(imported.path("owner_id").asString()).isEqualTo(other.id().toString());
        assertThat(imported.path("version").asInt()).isEqualTo(1);
    }

    @Test
    void exportsYamlThatImportsBackAsItIs() {
        var user = newUser(Role.USER);
        var doc = document("Round trip YAML ü", "yaml");
        String id = create(user, doc).path("id").asString();

        var byParam = http.get(BASE + "/" + id + "/export?format=yaml").token(user.token()).send().expectStatus(200);
        assertThat(byParam.header("Content-Type")).startsWith("application/yaml");
        assertThat(byParam.header("Content-Disposition")).isEqualTo("attachment; filename=\"round-trip-yaml.yaml\"");
        assertThat(byParam.text()).contains("name: ").contains("ü").doesNotStartWith("{");
        var byAccept = http.get(BASE + "/" + id + "/export").token(user.token()).header("Accept", "application/yaml")
                .send().expectStatus(200);
        assertThat(byAccept.text()).isEqualTo(byParam.text());

        http.delete(BASE + "/" + id).token(user.token()).send().expectStatus(204);
        JsonNode imported = http.post(BASE + "/import").token(user.token()).body("application/yaml", byParam.text())
                .send().expectStatus(201).json();
        assertThat(imported.path("definition")).isEqualTo(doc);
    }

    @Test
    void importsAHandWrittenYamlFile() {
        var user = newUser(Role.USER);
        var response = http.post(BASE + "/import").token(user.token()).body("text/yaml", yamlDocument("By hand"))
                .send().expectStatus(201);
        assertThat(response.header("Location")).startsWith(BASE + "/");
        assertThat(response.json().path("definition").path("nodes").get(0).path("config").path("fields")
                .path("greeting").asString()).isEqualTo("Hello {{ $trigger.body.name }}");
    }

    @Test
    void importRefusesWhatCreateRefuses() {
        var user = newUser(Role.USER);
        http.post(BASE + "/import").token(user.token()).body("application/yaml", "name: [").send()
                .expectProblem(400, "malformed_body");
        http.post(BASE + "/import").token(user.token()).body("application/yaml", "name: Only a name\n").send()
                .expectProblem(422, "workflow_invalid");
        assertThat(workflowRows(user.id())).isZero();
    }

    @Test
    void exportRefusesAnUnknownFormat() {
        var user = newUser(Role.USER);
        String id = create(user, document("Formats")).path("id").asString();
        http.get(BASE + "/" + id + "/export?format=xml").token(user.token()).send()
                .expectFieldError(400, "validation_failed", "format");
    }

    @Test
    void validateReportsProblemsWithoutWritingAnything() {
        var user = newUser(Role.USER);
        JsonNode valid = http.post(BASE + "/validate").token(user.token()).body(document("Fine")).send()
                .expectStatus(200).json();
        assertThat(valid.path("valid").asBoolean()).isTrue();
        assertThat(valid.path("errors").size()).isZero();

        var broken = document("Broken");
        ((tools.jackson.databind.node.ObjectNode) broken.withArray("nodes").get(0)).put("type", "nope.nothing");
        broken.remove("trigger");
        JsonNode invalid = http.post(BASE + "/validate").token(user.token()).body(broken).send()
                .expectStatus(200).json();
        assertThat(invalid.path("valid").asBoolean()).isFalse();
        assertThat(invalid.path("errors").valueStream().map(e -> e.path("path").asString()))
                .contains("/trigger").anyMatch(p -> p.startsWith("/nodes/0"));

        JsonNode yaml = http.post(BASE + "/validate").token(user.token()).body("application/yaml",
                yamlDocument("Yaml fine")).send().expectStatus(200).json();
        assertThat(yaml.path("valid").asBoolean()).isTrue();
        http.post(BASE + "/validate").token(user.token()).body("{oops").send().expectProblem(400, "malformed_body");
        assertThat(workflowRows(user.id())).isZero();
    }

    @Test
    void openApiDocumentsJsonAndYamlBodies() {
        JsonNode api = http.get("/api/openapi.json").send().expectStatus(200).json();
        JsonNode create = api.path("paths").path(BASE).path("post").path("requestBody").path("content");
        assertThat(create.has("application/json")).isTrue();
        assertThat(create.has("application/yaml")).isTrue();
        assertThat(api.path("paths").has(BASE + "/{id}/versions/{version}/restore")).isTrue();
        assertThat(api.path("paths").has("/api/v1/node-types/{type}/{version}")).isTrue();
        assertThat(TestHttp.json(create)).doesNotContain("binary");
    }
}
