package dev.automateos.server.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.crypto.MasterKey;
import dev.automateos.server.support.ApiTest;
import dev.automateos.server.support.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class CredentialApiTest extends ApiTest {

    private static final String BASE = "/api/v1/credentials";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MasterKey masterKey;

    @Autowired
    CredentialVault vault;

    private TestResponse create(TestUser user, String name, String type, Map<String, ?> data) {
        return http.post(BASE).token(user.token()).body(Map.of("name", name, "type", type, "data", data)).send();
    }

    private JsonNode basic(TestUser user, String name, String password) {
        return create(user, name, "basic_auth", Map.of("username", "ann", "password", password)).expectStatus(201)
                .json();
    }

    private long countNamed(String name) {
        return jdbc.sql("select count(*) from credentials where name = ?").param(name).query(Long.class).single();
    }

    private String stored(String id) {
        return jdbc.sql("select encrypted_data from credentials where id = ?").param(UUID.fromString(id))
                .query(String.class).single();
    }

    @Test
    void createsReadsRenamesAndDeletesACredential() {
        var user = newUser(Role.USER);
        var created = create(user, "GitHub", "api_key",
                Map.of("token", "ghp_created", "placement", "bearer")).expectStatus(201);
        JsonNode body = created.json();
        String id = body.path("id").asString();
        assertThat(created.header("Location")).isEqualTo(BASE + "/" + id);
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "name", "type", "owner_id", "created_at",
                "updated_at", "last_used_at");
        assertThat(body.path("type").asString()).isEqualTo("api_key");
        assertThat(body.path("owner_id").asString()).isEqualTo(user.id().toString());
        assertThat(body.path("last_used_at").isNull()).isTrue();

        JsonNode read = http.get(BASE + "/" + id).token(user.token()).send().expectStatus(200).json();
        assertThat(read).isEqualTo(body);

        JsonNode renamed = http.put(BASE + "/" + id).token(user.token()).body(Map.of("name", "GitHub bot")).send()
                .expectStatus(200).json();
        assertThat(renamed.path("name").asString()).isEqualTo("GitHub bot");
        assertThat(renamed.path("created_at")).isEqualTo(body.path("created_at"));
        assertThat(http.get(BASE + "/" + id).token(user.token()).send().json()).isEqualTo(renamed);

        http.delete(BASE + "/" + id).token(user.token()).send().expectStatus(204);
        http.get(BASE + "/" + id).token(user.token()).send().expectProblem(404, "not_found");
        http.delete(BASE + "/" + id).token(user.token()).send().expectProblem(404, "not_found");
    }

    @Test
    void renamingKeepsTheSecretAndNewDataReplacesItWholly() {
        var user = newUser(Role.USER);
        String id = create(user, "Search", "api_key",
                Map.of("token", "tok-1", "placement", "header", "name", "X-Key")).expectStatus(201).json()
                .path("id").asString();
        UUID uuid = UUID.fromString(id);
        http.put(BASE + "/" + id).token(user.token()).body(Map.of("name", "Search 2")).send().expectStatus(200);
        assertThat(vault.resolve(uuid, user.id()))
                .isEqualTo(new ApiKeyCredential("tok-1", ApiKeyCredential.Placement.HEADER, "X-Key"));

        http.put(BASE + "/" + id).token(user.token())
                .body(Map.of("name", "Search 2", "data", Map.of("token", "tok-2", "placement", "bearer"))).send()
                .expectStatus(200);
        assertThat(vault.resolve(uuid, user.id()))
                .isEqualTo(new ApiKeyCredential("tok-2", ApiKeyCredential.Placement.BEARER, null));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void secretValuesAppearInNoResponseAndNoLog(CapturedOutput output) {
        var user = newUser(Role.USER);
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        String rejected = "rejected-" + UUID.randomUUID();
        List<TestResponse> responses = new ArrayList<>();
        TestResponse created = create(user, "Mail", "basic_auth", Map.of("username", "ann", "password", first))
                .expectStatus(201);
        String id = created.json().path("id").asString();
        responses.add(created);
        responses.add(http.get(BASE).token(user.token()).send().expectStatus(200));
        responses.add(http.get(BASE + "/" + id).token(user.token()).send().expectStatus(200));
        responses.add(http.put(BASE + "/" + id).token(user.token()).body(Map.of("name", "Mail 2")).send()
                .expectStatus(200));
        responses.add(http.put(BASE + "/" + id).token(user.token())
                .body(Map.of("name", "Mail 2", "data", Map.of("username", "ann", "password", second))).send()
                .expectStatus(200));
        // Error responses, each carrying a secret somewhere in the request.
        responses.add(create(user, "Mail 2", "basic_auth", Map.of("username", "ann", "password", rejected)));
        responses.add(create(user, "Bad", "basic_auth", Map.of("username", "a:b", "password", rejected, "x", rejected)));
        responses.add(create(user, "Bad", "basic_auth", Map.of("username", rejected, "password", 42)));
        responses.add(create(user, "Bad", "custom_header", Map.of("header_name", rejected + " x",
                "header_value", rejected + "\r\nX: y")));
        responses.add(create(user, "Bad", "api_key", Map.of("token", rejected, "placement", rejected)));
        responses.add(create(user, "Bad", "no_such_type", Map.of("password", rejected)));
        responses.add(http.post(BASE).token(user.token())
                .body(Map.of("name", "Bad", "type", "basic_auth", "data", rejected)).send());
        responses.add(http.put(BASE + "/" + id).token(user.token())
                .body(Map.of("name", "Mail 2", "data", Map.of("password", rejected))).send());
        responses.add(http.post(BASE).token(user.token()).body("{\"name\":\"Bad\",\"type\":\"basic_auth\","
                + "\"data\":{\"username\":\"ann\",\"password\":\"" + rejected + "\"").send());

        assertThat(responses).hasSize(14);
        assertThat(responses.subList(5, 14)).allSatisfy(r -> assertThat(r.status()).isBetween(400, 499));
        for (TestResponse response : responses) {
            assertThat(response.text()).as("response %s", response.status())
                    .doesNotContain(first).doesNotContain(second).doesNotContain(rejected);
        }
        assertThat(output.getAll()).doesNotContain(first).doesNotContain(second).doesNotContain(rejected);
    }

    @Test
    void storedValueIsEncryptedAndNamesTheMasterKey() {
        var user = newUser(Role.USER);
        String secret = "plain-" + UUID.randomUUID();
        String id = basic(user, "Stored", secret).path("id").asString();
        String encrypted = stored(id);
        assertThat(encrypted).doesNotContain(secret).doesNotContain("password").doesNotContain("ann");
        assertThat(new String(java.util.Base64.getDecoder().decode(encrypted), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret);
        String fingerprint = jdbc.sql("select key_fingerprint from credentials where id = ?")
                .param(UUID.fromString(id)).query(String.class).single();
        assertThat(fingerprint).isEqualTo(masterKey.fingerprint());
    }

    @Test
    void invalidDataIsRejectedAtItsDataPathAndNothingIsWritten() {
        var user = newUser(Role.USER);
        String name = "Invalid " + UUID.randomUUID();
        create(user, name, "basic_auth", Map.of("password", "p")).expectFieldError(400, "validation_failed",
                "/data/username");
        create(user, name, "api_key", Map.of("token", "t", "placement", "query"))
                .expectFieldError(400, "validation_failed", "/data/name");
        create(user, name, "custom_header", Map.of("header_name", "X-A", "header_value", "v", "extra", 1))
                .expectFieldError(400, "validation_failed", "/data/extra");
        http.post(BASE).token(user.token()).body(Map.of("name", name, "type", "basic_auth", "data", List.of()))
                .send().expectFieldError(400, "validation_failed", "/data");
        http.post(BASE).token(user.token()).body(Map.of("name", name, "type", "basic_auth")).send()
                .expectFieldError(400, "validation_failed", "/data");
        http.post(BASE).token(user.token()).body(Map.of("name", " ", "type", "basic_auth",
                "data", Map.of("username", "a", "password", "p"))).send()
                .expectFieldError(400, "validation_failed", "/name");
        assertThat(countNamed(name)).isZero();
    }

    @Test
    void invalidReplacementDataLeavesTheCredentialUntouched() {
        var user = newUser(Role.USER);
        String id = basic(user, "Keep", "keep-me").path("id").asString();
        String before = stored(id);
        http.put(BASE + "/" + id).token(user.token())
                .body(Map.of("name", "Renamed", "data", Map.of("username", "ann"))).send()
                .expectFieldError(400, "validation_failed", "/data/password");
        http.put(BASE + "/" + id).token(user.token())
                .body(Map.of("name", "Renamed", "type", "api_key")).send()
                .expectFieldError(400, "validation_failed", "/type");
        assertThat(stored(id)).isEqualTo(before);
        assertThat(http.get(BASE + "/" + id).token(user.token()).send().json().path("name").asString())
                .isEqualTo("Keep");
    }

    @Test
    void unknownTypeIsRejectedAtTypeAndNothingIsWritten() {
        var user = newUser(Role.USER);
        String name = "Unknown " + UUID.randomUUID();
        var problem = create(user, name, "oauth7", Map.of("token", "t"))
                .expectFieldError(400, "validation_failed", "/type");
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("unknown_credential_type");
        assertThat(countNamed(name)).isZero();
    }

    @Test
    void namesAreUniquePerOwner() {
        var ann = newUser(Role.USER);
        var bob = newUser(Role.USER);
        basic(ann, "Shared name", "p1");
        String other = basic(ann, "Other", "p2").path("id").asString();
        create(ann, "Shared name", "basic_auth", Map.of("username", "a", "password", "p"))
                .expectProblem(409, "credential_name_taken");
        http.put(BASE + "/" + other).token(ann.token()).body(Map.of("name", "Shared name")).send()
                .expectProblem(409, "credential_name_taken");
        assertThat(http.get(BASE + "/" + other).token(ann.token()).send().json().path("name").asString())
                .isEqualTo("Other");
        basic(bob, "Shared name", "p3");
    }

    @Test
    void anotherUsersCredentialIsNotFoundForEveryVerb() {
        var ann = newUser(Role.USER);
        var eve = newUser(Role.USER);
        String id = basic(ann, "Private", "ann-only").path("id").asString();
        String before = stored(id);
        http.get(BASE + "/" + id).token(eve.token()).send().expectProblem(404, "not_found");
        http.put(BASE + "/" + id).token(eve.token()).body(Map.of("name", "Stolen")).send()
                .expectProblem(404, "not_found");
        http.put(BASE + "/" + id).token(eve.token())
                .body(Map.of("name", "Stolen", "data", Map.of("username", "e", "password", "e"))).send()
                .expectProblem(404, "not_found");
        http.delete(BASE + "/" + id).token(eve.token()).send().expectProblem(404, "not_found");
        assertThat(http.get(BASE).token(eve.token()).send().json().path("items").valueStream()
                .map(c -> c.path("id").asString())).doesNotContain(id);
        JsonNode still = http.get(BASE + "/" + id).token(ann.token()).send().expectStatus(200).json();
        assertThat(still.path("name").asString()).isEqualTo("Private");
        assertThat(stored(id)).isEqualTo(before);
    }

    @Test
    void observerReadsMetadataButCannotChangeAnything() {
        var ann = newUser(Role.USER);
        var observer = newUser(Role.OBSERVER);
        String id = basic(ann, "Observed", "obs-secret").path("id").asString();
        http.get(BASE + "/" + id).token(observer.token()).send().expectStatus(200);
        assertThat(http.get(BASE + "?owner_id=" + ann.id()).token(observer.token()).send().json().path("items")
                .valueStream().map(c -> c.path("id").asString())).contains(id);
        create(observer, "Mine", "basic_auth", Map.of("username", "o", "password", "p"))
                .expectProblem(403, "forbidden");
        http.put(BASE + "/" + id).token(observer.token()).body(Map.of("name", "X")).send()
                .expectProblem(403, "forbidden");
        http.delete(BASE + "/" + id).token(observer.token()).send().expectProblem(403, "forbidden");
        assertThat(countNamed("Mine")).isZero();
        http.get(BASE + "/" + id).token(ann.token()).send().expectStatus(200);
    }

    @Test
    void adminSeesAndChangesEveryonesCredentials() {
        var ann = newUser(Role.USER);
        var admin = newUser(Role.ADMIN);
        String id = basic(ann, "Managed", "m").path("id").asString();
        http.get(BASE + "/" + id).token(admin.token()).send().expectStatus(200);
        http.put(BASE + "/" + id).token(admin.token()).body(Map.of("name", "Managed by admin")).send()
                .expectStatus(200);
        http.delete(BASE + "/" + id).token(admin.token()).send().expectStatus(204);
        http.get(BASE + "/" + id).token(ann.token()).send().expectProblem(404, "not_found");
    }

    @Test
    void listsNewestFirstPageByPageAndFilters() {
        var user = newUser(Role.USER);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String type = i % 2 == 0 ? "basic_auth" : "custom_header";
            Map<String, String> data = i % 2 == 0 ? Map.of("username", "u", "password", "p")
                    : Map.of("header_name", "X-T", "header_value", "v");
            ids.add(create(user, (i == 3 ? "Prod Slack " : "Item ") + i, type, data).expectStatus(201).json()
                    .path("id").asString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = http.get(BASE + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(user.token()).send().expectStatus(200).json();
            page.path("items").forEach(c -> seen.add(c.path("id").asString()));
            cursor = page.path("next_cursor").isString() ? page.path("next_cursor").asString() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(ids.reversed());

        JsonNode headers = http.get(BASE + "?type=custom_header").token(user.token()).send().json();
        assertThat(headers.path("items").valueStream().map(c -> c.path("id").asString()))
                .containsExactly(ids.get(3), ids.get(1));
        JsonNode named = http.get(BASE + "?name=slack").token(user.token()).send().json();
        assertThat(named.path("items").valueStream().map(c -> c.path("id").asString())).containsExactly(ids.get(3));
        assertThat(named.has("next_cursor")).isFalse();
    }

    @Test
    void badListParametersAnswer400() {
        var user = newUser(Role.USER);
        http.get(BASE + "?limit=0").token(user.token()).send().expectFieldError(400, "validation_failed", "limit");
        http.get(BASE + "?cursor=garbage").token(user.token()).send()
                .expectFieldError(400, "validation_failed", "cursor");
        String wellFormedButWrong = dev.automateos.server.web.PageRequest.encode("yesterday", "not-a-uuid");
        http.get(BASE + "?cursor=" + wellFormedButWrong).token(user.token()).send()
                .expectFieldError(400, "validation_failed", "cursor");
        http.get(BASE + "?type=nope").token(user.token()).send().expectFieldError(400, "validation_failed", "type");
        http.get(BASE + "/not-a-uuid").token(user.token()).send().expectStatus(400);
    }

    @Test
    void credentialTypesAreListedWithTheirSchemas() {
        var user = newUser(Role.OBSERVER);
        JsonNode items = http.get("/api/v1/credential-types").token(user.token()).send().expectStatus(200).json()
                .path("items");
        assertThat(items.valueStream().map(t -> t.path("type").asString()))
                .contains("api_key", "basic_auth", "custom_header");
        JsonNode basic = items.valueStream().filter(t -> t.path("type").asString().equals("basic_auth"))
                .findFirst().orElseThrow();
        assertThat(basic.path("name").asString()).isEqualTo("Basic auth");
        assertThat(basic.path("description").asString()).isNotBlank();
        assertThat(basic.path("schema").path("properties").path("password").path("writeOnly").asBoolean()).isTrue();
        assertThat(basic.path("schema").path("additionalProperties").asBoolean(true)).isFalse();
        http.get("/api/v1/credential-types").send().expectProblem(401, "unauthenticated");
    }
}
