package dev.automateos.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiKeyApiTest extends AuthApiTest {

    private static final String KEYS = "/api/v1/api-keys";

    private JsonNode createKey(String token, Object... scopes) {
        return http.post(KEYS).token(token).body(Map.of("name", "ci", "scopes", List.of(scopes))).send()
                .expectStatus(201).json();
    }

    private long keysOf(UUID userId) {
        return count("api_keys", "user_id = ?", userId);
    }

    @Test
    void newKeyIsShownOnceAndOnlyItsHashIsStored() {
        var user = newUser(Role.USER);
        JsonNode created = createKey(user.token(), "read", "write");
        String key = created.path("key").asString();
        assertThat(key).startsWith("aos_").hasSize(47);
        assertThat(created.path("prefix").asString()).isEqualTo(key.substring(0, 12));
        assertThat(created.path("scopes").valueStream().map(JsonNode::asString)).containsExactly("read", "write");
        assertThat(count("api_keys", "key_hash = ?", TokenHashes.sha256(key))).isOne();
        assertThat(count("api_keys", "key_hash = ? or prefix = ?", key, key)).isZero();

        JsonNode listed = http.get(KEYS).token(user.token()).send().expectStatus(200).json();
        assertThat(listed.path("items")).hasSize(1);
        assertThat(listed.path("items").get(0).has("key")).isFalse();
        assertThat(listed.path("items").get(0).path("id").asString()).isEqualTo(created.path("id").asString());
    }

    @Test
    void keyAuthenticatesAsBearerOrXApiKeyWithItsScopes() {
        var user = newUser(Role.USER);
        String key = createKey(user.token(), "read").path("key").asString();
        JsonNode me = http.get("/api/v1/auth/me").token(key).send().expectStatus(200).json();
        assertThat(me.path("auth").asString()).isEqualTo("api_key");
        assertThat(me.path("scopes").valueStream().map(JsonNode::asString)).containsExactly("read");
        http.get("/api/v1/auth/me").header("X-API-Key", key).send().expectStatus(200);
        assertThat(count("api_keys", "key_hash = ? and last_used_at is not null", TokenHashes.sha256(key))).isOne();
    }

    @Test
    void readOnlyKeyCannotChangeAnything() {
        var user = newUser(Role.USER);
        String key = createKey(user.token(), "read").path("key").asString();
        http.post(KEYS).token(key).body(Map.of("name", "more", "scopes", List.of("read"))).send()
                .expectProblem(403, "forbidden");
        http.put("/api/v1/auth/me/password").token(key)
                .body(Map.of("current_password", PASSWORD, "new_password", "another fine passphrase")).send()
                .expectProblem(403, "forbidden");
        assertThat(keysOf(user.id())).isOne();
    }

    @Test
    void keyCannotChangeThePasswordEvenWithWriteScope() {
        var user = newUser(Role.USER);
        String key = createKey(user.token(), "read", "write").path("key").asString();
        http.put("/api/v1/auth/me/password").token(key)
                .body(Map.of("current_password", PASSWORD, "new_password", "another fine passphrase")).send()
                .expectProblem(403, "forbidden");
        login(user.username(), PASSWORD).expectStatus(200);
    }

    @Test
    void expiredAndRevokedKeysAreRefused() {
        var user = newUser(Role.USER);
        JsonNode expiring = createKey(user.token(), "read");
        jdbc.sql("update api_keys set expires_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), UUID.fromString(expiring.path("id").asString()))
                .update();
        http.get("/api/v1/auth/me").token(expiring.path("key").asString()).send().expectProblem(401, "invalid_api_key");

        JsonNode revoked = createKey(user.token(), "read");
        http.delete(KEYS + "/" + revoked.path("id").asString()).token(user.token()).send().expectStatus(204);
        http.get("/api/v1/auth/me").token(revoked.path("key").asString()).send().expectProblem(401, "invalid_api_key");
        http.delete(KEYS + "/" + revoked.path("id").asString()).token(user.token()).send()
                .expectProblem(404, "not_found");
        assertThat(http.get(KEYS).token(user.token()).send().json().path("items")).hasSize(1);
    }

    @Test
    void anotherUsersKeyLooksMissing() {
        var owner = newUser(Role.USER);
        var other = newUser(Role.ADMIN);
        JsonNode key = createKey(owner.token(), "read");
        http.delete(KEYS + "/" + key.path("id").asString()).token(other.token()).send().expectProblem(404, "not_found");
        http.delete(KEYS + "/" + UUID.randomUUID()).token(other.token()).send().expectProblem(404, "not_found");
        http.get("/api/v1/auth/me").token(key.path("key").asString()).send().expectStatus(200);
        assertThat(http.get(KEYS).token(other.token()).send().json().path("items")).isEmpty();
    }

    @Test
    void observerMayMintOnlyReadKeys() {
        var observer = newUser(Role.OBSERVER);
        http.post(KEYS).token(observer.token()).body(Map.of("name", "x", "scopes", List.of("read", "write"))).send()
                .expectFieldError(400, "validation_failed", "/scopes/1");
        assertThat(keysOf(observer.id())).isZero();
        String key = createKey(observer.token(), "read").path("key").asString();
        assertThat(http.get("/api/v1/auth/me").token(key).send().json().path("role").asString()).isEqualTo("observer");
    }

    @Test
    void aKeyCannotMintKeysEvenWithWriteScope() {
        var user = newUser(Role.USER);
        String writeKey = createKey(user.token(), "read", "write").path("key").asString();
        http.post(KEYS).token(writeKey).body(Map.of("name", "x", "scopes", List.of("read"))).send()
                .expectProblem(403, "forbidden");
        assertThat(keysOf(user.id())).isOne();
    }

    @Test
    void badKeyRequestsAreRefusedAndWriteNothing() {
        var user = newUser(Role.USER);
        http.post(KEYS).token(user.token()).body(Map.of("scopes", List.of("read"))).send()
                .expectFieldError(400, "validation_failed", "/name");
        http.post(KEYS).token(user.token()).body(Map.of("name", "x".repeat(101), "scopes", List.of("read"))).send()
                .expectFieldError(400, "validation_failed", "/name");
        http.post(KEYS).token(user.token()).body(Map.of("name", "x", "scopes", List.of())).send()
                .expectFieldError(400, "validation_failed", "/scopes");
        http.post(KEYS).token(user.token()).body(Map.of("name", "x", "scopes", List.of("admin"))).send()
                .expectFieldError(400, "validation_failed", "/scopes/0");
        http.post(KEYS).token(user.token()).body(Map.of("name", "x", "scopes", List.of("read"),
                "expires_at", Instant.now().minusSeconds(60).toString())).send()
                .expectFieldError(400, "validation_failed", "/expires_at");
        http.post(KEYS).token(user.token()).body(Map.of("name", "x", "scopes", List.of("read"),
                "expires_at", "next tuesday")).send().expectFieldError(400, "validation_failed", "/expires_at");
        http.post(KEYS).token(user.token()).body(Map.of("name", "x", "scopes", List.of("read"), "owner", "me")).send()
                .expectFieldError(400, "validation_failed", "/owner");
        http.delete(KEYS + "/not-a-uuid").token(user.token()).send().expectProblem(400, "validation_failed");
        assertThat(keysOf(user.id())).isZero();
    }

    @Test
    void keyWithExpiryShowsIt() {
        var user = newUser(Role.USER);
        Instant expires = Instant.parse("2099-01-01T00:00:00Z");
        JsonNode created = http.post(KEYS).token(user.token())
                .body(Map.of("name", "x", "scopes", List.of("read"), "expires_at", expires.toString())).send()
                .expectStatus(201).json();
        assertThat(Instant.parse(created.path("expires_at").asString())).isEqualTo(expires);
        http.get("/api/v1/auth/me").token(created.path("key").asString()).send().expectStatus(200);
    }

    @Test
    void listPagesWithACursor() {
        var user = newUser(Role.USER);
        for (int i = 0; i < 3; i++) {
            createKey(user.token(), "read");
        }
        JsonNode first = http.get(KEYS + "?limit=2").token(user.token()).send().expectStatus(200).json();
        assertThat(first.path("items")).hasSize(2);
        String cursor = first.path("next_cursor").asString();
        JsonNode second = http.get(KEYS + "?limit=2&cursor=" + cursor).token(user.token()).send().expectStatus(200)
                .json();
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("next_cursor").isMissingNode() || second.path("next_cursor").isNull()).isTrue();
        http.get(KEYS + "?cursor=bm9wZQ").token(user.token()).send().expectFieldError(400, "validation_failed", "cursor");
        http.get(KEYS + "?limit=0").token(user.token()).send().expectFieldError(400, "validation_failed", "limit");
    }

    @Test
    void adminIssuesKeysOnlyForServiceAccounts() {
        var admin = newUser(Role.ADMIN);
        var service = newUser(Role.API);
        var person = newUser(Role.USER);
        Map<String, Object> body = Map.of("name", "deploy bot", "scopes", List.of("read", "execute"));
        JsonNode created = http.post("/api/v1/users/" + service.id() + "/api-keys").token(admin.token()).body(body)
                .send().expectStatus(201).json();
        JsonNode me = http.get("/api/v1/auth/me").token(created.path("key").asString()).send().expectStatus(200).json();
        assertThat(me.path("username").asString()).isEqualTo(service.username());
        assertThat(me.path("role").asString()).isEqualTo("api");
        assertThat(http.get("/api/v1/users/" + service.id() + "/api-keys").token(admin.token()).send().json()
                .path("items")).hasSize(1);

        http.post("/api/v1/users/" + person.id() + "/api-keys").token(admin.token()).body(body).send()
                .expectProblem(409, "not_a_service_account");
        http.post("/api/v1/users/" + UUID.randomUUID() + "/api-keys").token(admin.token()).body(body).send()
                .expectProblem(404, "not_found");
        http.post("/api/v1/users/" + service.id() + "/api-keys").token(person.token()).body(body).send()
                .expectProblem(403, "forbidden");
        assertThat(keysOf(person.id())).isZero();
        assertThat(keysOf(service.id())).isOne();

        http.delete("/api/v1/users/" + service.id() + "/api-keys/" + created.path("id").asString())
                .token(admin.token()).send().expectStatus(204);
        http.get("/api/v1/auth/me").token(created.path("key").asString()).send().expectProblem(401, "invalid_api_key");
    }

    @Test
    void disabledOwnersKeysStopWorking() {
        var user = newUser(Role.USER);
        String key = createKey(user.token(), "read").path("key").asString();
        jdbc.sql("update users set enabled = false where id = ?").param(user.id()).update();
        http.get("/api/v1/auth/me").token(key).send().expectProblem(401, "invalid_api_key");
    }
}
