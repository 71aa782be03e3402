package dev.automateos.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.JwtService;
import dev.automateos.server.auth.Role;
import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.crypto.MasterKey;
import dev.automateos.server.support.ApiTest;
import dev.automateos.server.support.TestResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Walks every API endpoint the server exposes and checks the access rules on each: a missing,
 * tampered or expired token answers 401; an observer writing answers 403; a non-admin on an admin
 * endpoint answers 403; another user's resource answers 404. The list of endpoints comes from the
 * running server, so a new endpoint without an entry in {@link #REQUESTS} fails this test.
 */
class AccessMatrixTest extends ApiTest {

    /** Endpoints anyone may call. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/auth/status", "POST /api/v1/auth/register", "POST /api/v1/auth/token",
            "POST /api/v1/auth/logout");

    /** Non-GET endpoints that change nothing, so the read scope is enough. */
    private static final Set<String> READ_ONLY_POSTS = Set.of("POST /api/v1/expressions/evaluate");

    /** Self-service on one's own account: every role may use it, observers included. */
    private static final Set<String> SELF_SERVICE_PREFIXES = Set.of("/api/v1/auth/me", "/api/v1/api-keys");

    /** A valid body for each endpoint that takes one, so that checks never stop at validation. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/v1/workflows", workflow("Matrix created")),
            Map.entry("POST /api/v1/workflows/import", workflow("Matrix imported")),
            Map.entry("POST /api/v1/workflows/validate", workflow("Matrix validated")),
            Map.entry("PUT /api/v1/workflows/{id}", workflow("Matrix updated")),
            Map.entry("PATCH /api/v1/workflows/{id}", "{\"active\": false}"),
            Map.entry("POST /api/v1/credentials", "{\"name\": \"matrix-new\", \"type\": \"custom_header\","
                    + " \"data\": {\"header_name\": \"X-Token\", \"header_value\": \"s3cret-value\"}}"),
            Map.entry("PUT /api/v1/credentials/{id}", "{\"name\": \"matrix-renamed\"}"),
            Map.entry("POST /api/v1/api-keys", "{\"name\": \"matrix key\", \"scopes\": [\"read\"]}"),
            Map.entry("PUT /api/v1/auth/me/password",
                    "{\"current_password\": \"" + PASSWORD + "\", \"new_password\": \"another long passphrase\"}"),
            Map.entry("POST /api/v1/users", "{\"username\": \"matrix-made\", \"password\": \"a long passphrase 1\","
                    + " \"role\": \"user\"}"),
            Map.entry("PATCH /api/v1/users/{id}", "{\"enabled\": true}"),
            Map.entry("POST /api/v1/users/{id}/api-keys", "{\"name\": \"service key\", \"scopes\": [\"read\"]}"),
            Map.entry("PUT /api/v1/system/registration", "{\"open\": false}"),
            Map.entry("POST /api/v1/expressions/evaluate", "{\"template\": \"{{ 1 + 1 }}\"}"),
            Map.entry("POST /api/v1/workflows/{id}/run", "{\"input\": {\"matrix\": true}}"));

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingInfoHandlerMapping mappings;

    @Autowired
    private AutomateOsProperties properties;

    @Autowired
    private MasterKey masterKey;

    private TestUser owner;
    private TestUser stranger;
    private TestUser observer;
    private Map<String, String> ownerResources;
    /** A workflow of the owner's with a schedule trigger, for the endpoints only such a workflow answers. */
    private String scheduledWorkflowId;

    @BeforeEach
    void createUsersAndResources() {
        owner = newUser(Role.USER);
        stranger = newUser(Role.USER);
        observer = newUser(Role.OBSERVER);
        // A webhook trigger, so the owner's GET .../webhook has something to show.
        String owned = workflow("Matrix owned").replace("trigger.manual", "trigger.webhook");
        String workflowId = http.post("/api/v1/workflows").token(owner.token()).body(owned).send()
                .expectStatus(201).json().path("id").asString();
        String credentialId = http.post("/api/v1/credentials").token(owner.token())
                .body("{\"name\": \"matrix-owned\", \"type\": \"custom_header\", \"data\": {\"header_name\": \"X\","
                        + " \"header_value\": \"v\"}}").send().expectStatus(201).json().path("id").asString();
        String apiKeyId = http.post("/api/v1/api-keys").token(owner.token())
                .body("{\"name\": \"owned key\", \"scopes\": [\"read\"]}").send().expectStatus(201).json()
                .path("id").asString();
        // A finished run, so every execution endpoint (delete, re-run) has something to act on.
        String executionId = http.post("/api/v1/workflows/" + workflowId + "/run?wait=true&timeout=20s")
                .token(owner.token()).send().expectStatus(200).json().path("id").asString();
        // The first "config" is the trigger's.
        String scheduled = workflow("Matrix scheduled").replace("trigger.manual", "trigger.schedule")
                .replaceFirst("\"config\": \\{}", "\"config\": {\"cron\": \"@daily\"}");
        scheduledWorkflowId = http.post("/api/v1/workflows").token(owner.token()).body(scheduled).send()
                .expectStatus(201).json().path("id").asString();
        ownerResources = Map.of("/api/v1/workflows/", workflowId, "/api/v1/credentials/", credentialId,
                "/api/v1/api-keys/", apiKeyId, "/api/v1/users/", owner.id().toString(),
                "/api/v1/executions/", executionId);
    }

    /** "METHOD /path/{var}" for every API endpoint of the running server. */
    private List<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/v1/"))
                .forEach(p -> info.getMethodsCondition().getMethods()
                        .forEach(m -> endpoints.add(m.name() + " " + p))));
        return List.copyOf(endpoints);
    }

    @Test
    void theMatrixCoversARealSetOfEndpoints() {
        assertThat(endpoints()).contains("GET /api/v1/workflows", "POST /api/v1/credentials",
                "GET /api/v1/users", "DELETE /api/v1/api-keys/{id}", "GET /api/v1/system/info",
                "GET /api/v1/dashboard/summary", "GET /api/v1/dashboard/workflow-activity");
    }

    @TestFactory
    Stream<DynamicTest> everyProtectedEndpointRefusesMissingTamperedAndExpiredTokens() {
        String expired = new JwtService(properties, masterKey,
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC))
                .issue(owner.id(), owner.username(), Role.USER).value();
        String tampered = owner.token().substring(0, owner.token().length() - 4) + "AAAA";
        return endpoints().stream().filter(e -> !PUBLIC.contains(e)).map(endpoint -> DynamicTest.dynamicTest(endpoint,
                () -> {
                    request(endpoint, null).expectProblem(401, "unauthenticated");
                    request(endpoint, tampered).expectProblem(401, "invalid_token");
                    request(endpoint, expired).expectProblem(401, "token_expired");
                }));
    }

    @TestFactory
    Stream<DynamicTest> observersCannotWriteAnywhere() {
        return endpoints().stream().filter(e -> !PUBLIC.contains(e) && !e.startsWith("GET ") && !selfService(e)
                        && !READ_ONLY_POSTS.contains(e))
                .map(endpoint -> DynamicTest.dynamicTest(endpoint,
                        () -> request(endpoint, observer.token()).expectProblem(403, "forbidden")));
    }

    @TestFactory
    Stream<DynamicTest> nonAdminsCannotUseAdminEndpoints() {
        return endpoints().stream().filter(AccessMatrixTest::adminOnly).map(endpoint -> DynamicTest.dynamicTest(
                endpoint, () -> request(endpoint, stranger.token()).expectProblem(403, "forbidden")));
    }

    @TestFactory
    Stream<DynamicTest> anotherUsersResourceIsNotFound() {
        return endpoints().stream().filter(e -> !adminOnly(e) && e.contains("{id}"))
                .map(endpoint -> DynamicTest.dynamicTest(endpoint,
                        () -> request(endpoint, stranger.token()).expectProblem(404, "not_found")));
    }

    /**
     * Live event streams stay open while there is something to follow; the owner's read check
     * would hang on them. ExecutionEventsApiTest covers the owner's (and observer's) streams.
     */
    private static final Set<String> OPEN_STREAMS = Set.of("GET /api/v1/workflows/{id}/events");

    @TestFactory
    Stream<DynamicTest> theOwnerIsAllowedOnEveryReadOfTheirResources() {
        return endpoints().stream().filter(e -> e.startsWith("GET ") && !adminOnly(e) && e.contains("{id}"))
                .filter(e -> !OPEN_STREAMS.contains(e))
                .map(endpoint -> DynamicTest.dynamicTest(endpoint, () -> {
                    TestResponse response = request(endpoint, owner.token());
                    assertThat(response.status()).as("%s -> %s", endpoint, response.text()).isLessThan(300);
                }));
    }

    @TestFactory
    Stream<DynamicTest> apiKeysCannotManageKeysOrPasswords() {
        String readKey = http.post("/api/v1/api-keys").token(owner.token())
                .body("{\"name\": \"matrix reader\", \"scopes\": [\"read\", \"write\"]}").send()
                .expectStatus(201).json().path("key").asString();
        return endpoints().stream().filter(AccessMatrixTest::selfService).filter(e -> !e.equals("GET /api/v1/auth/me"))
                .map(endpoint -> DynamicTest.dynamicTest(endpoint,
                        () -> request(endpoint, readKey).expectProblem(403, "forbidden")));
    }

    private static boolean selfService(String endpoint) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        return SELF_SERVICE_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static boolean adminOnly(String endpoint) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        return path.startsWith("/api/v1/users") || path.startsWith("/api/v1/system");
    }

    private TestResponse request(String endpoint, String token) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String template = endpoint.substring(endpoint.indexOf(' ') + 1);
        var call = http.call(method, fill(template)).token(token);
        String body = BODIES.get(endpoint);
        if (body != null) {
            call.body(body);
        } else if (!method.equals("GET") && !method.equals("DELETE")) {
            call.body("{}");
        }
        return call.send();
    }

    /** Replaces path variables with the owner's resources (or sensible values for the others). */
    private String fill(String template) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String prefix = template.substring(0, matcher.start());
            String value = switch (matcher.group(1)) {
                case "id" -> template.contains("/triggers/") ? scheduledWorkflowId : resourceFor(prefix);
                case "version" -> "1";
                case "type" -> "core.noop";
                default -> "x";
            };
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        String filled = path.toString();
        if (filled.endsWith("/diff")) {
            filled += "?from=1&to=1";
        }
        return filled;
    }

    private String resourceFor(String prefix) {
        List<String> candidates = new ArrayList<>();
        ownerResources.forEach((base, id) -> {
            if (prefix.startsWith(base)) {
                candidates.add(id);
            }
        });
        assertThat(candidates).as("a resource for %s", prefix).hasSize(1);
        return candidates.getFirst();
    }

    private static String workflow(String name) {
        return """
                {"schema_version": 1, "name": "%s", "trigger": {"id": "trigger", "type": "trigger.manual",
                 "version": 1, "name": "Manual", "config": {}},
                 "nodes": [{"id": "done", "type": "core.noop", "version": 1, "name": "Done", "config": {}}],
                 "connections": [{"from": "trigger", "to": "done"}]}""".formatted(name + " " + System.nanoTime());
    }
}
