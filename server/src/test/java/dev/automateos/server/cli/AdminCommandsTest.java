package dev.automateos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.cli.FakeApi.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * credentials, users, api-keys and system against {@link FakeApi}, which answers the documented
 * shapes; what matters here is what the CLI sends and that secrets never need to be flags.
 */
class AdminCommandsTest {

    private static final String TYPES = """
            {"items":[{"type":"basic_auth","name":"Basic auth","description":"d","schema":{
              "type":"object","required":["username","password"],
              "properties":{"username":{"type":"string"},"password":{"type":"string","writeOnly":true},
                            "port":{"type":"integer"},"otp_seed":{"type":"string","writeOnly":true}}}}]}""";
    private static final String CREATED_CREDENTIAL = """
            {"id":"44444444-4444-4444-8444-444444444444","name":"shop","type":"basic_auth","owner_id":"o",
             "created_at":"2026-11-22T10:00:00Z","updated_at":"2026-11-22T10:00:00Z","last_used_at":null}""";

    private final FakeApi api = new FakeApi();
    private final CliHarness cli = CliHarness.inTempDir();

    @BeforeEach
    void logIn() {
        cli.saveConfig(CliConfig.withTokens(api.url(), "token-1", "refresh-1", "admin"));
        api.on("GET", "/api/v1/credential-types", Reply.json(200, TYPES));
        api.on("POST", "/api/v1/credentials", Reply.json(201, CREATED_CREDENTIAL));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void credentialCreateAsksForSecretFieldsWithoutEcho() {
        var terminal = new CliHarness.ScriptedTerminal("hunter2", "");

        var result = cli.terminal(terminal).run("credentials", "create", "--name", "shop", "--type",
                "basic_auth", "--field", "username=bob", "--field", "port=8443");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Created credential 'shop' (44444444-4444-4444-8444-444444444444).");
        assertThat(terminal.secretPrompts).containsExactly("password: ", "otp_seed (optional, Enter to skip): ");
        assertThat(terminal.echoedPrompts).isEmpty();
        assertThat(api.requests("POST", "/api/v1/credentials").getFirst().json()).isEqualTo(Json.parse("""
                {"name":"shop","type":"basic_auth","data":{"username":"bob","port":8443,"password":"hunter2"}}"""));
    }

    @Test
    void credentialCreateReadsOneSecretFromStdin() {
        var result = cli.stdin("from-stdin\n").run("credentials", "create", "--name", "shop", "--type",
                "basic_auth", "--field", "username=bob", "--secret-stdin", "password");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.requests("POST", "/api/v1/credentials").getFirst().json().path("data").path("password")
                .asString()).isEqualTo("from-stdin");
    }

    @Test
    void credentialCreateWithoutTerminalNeedsTheSecretOnStdinAndSendsNothing() {
        var result = cli.run("credentials", "create", "--name", "shop", "--type", "basic_auth",
                "--field", "username=bob");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err()).contains("'password' is a secret", "--secret-stdin password");
        assertThat(api.requests("POST", "/api/v1/credentials")).isEmpty();
    }

    @Test
    void aSecretGivenAsAFlagWorksButIsWarnedAbout() {
        var result = cli.run("credentials", "create", "--name", "shop", "--type", "basic_auth",
                "--field", "username=bob", "--field", "password=visible");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("warning: 'password' is a secret");
    }

    @Test
    void anUnknownCredentialTypeIsRejectedWithTheKnownOnes() {
        var result = cli.run("credentials", "create", "--name", "x", "--type", "smtp");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.err()).contains("Unknown credential type 'smtp'", "Known types: basic_auth");
        assertThat(api.requests("POST", "/api/v1/credentials")).isEmpty();
    }

    @Test
    void credentialListShowsNoValues() {
        api.on("GET", "/api/v1/credentials", Reply.json(200, "{\"items\":[" + CREATED_CREDENTIAL + "],\"next_cursor\":null}"));

        var result = cli.run("credentials", "list", "--type", "basic_auth");

        assertThat(result.out().lines()).containsExactly(
                "ID                                    NAME  TYPE        CREATED               LAST USED",
                "44444444-4444-4444-8444-444444444444  shop  basic_auth  2026-11-22T10:00:00Z");
        assertThat(api.requests().getLast().rawQuery()).isEqualTo("type=basic_auth");
    }

    @Test
    void userCreateAsksForThePasswordTwice() {
        api.on("POST", "/api/v1/users", Reply.json(201, """
                {"id":"u2","username":"carol","email":"c@x.test","role":"observer","enabled":true,
                 "created_at":"2026-11-22T10:00:00Z"}"""));
        var terminal = new CliHarness.ScriptedTerminal("pw-123456789", "pw-123456789");

        var result = cli.terminal(terminal).run("users", "create", "--username", "carol", "--role", "observer",
                "--email", "c@x.test");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(terminal.secretPrompts).hasSize(2);
        assertThat(api.requests("POST", "/api/v1/users").getFirst().json()).isEqualTo(Json.parse("""
                {"username":"carol","email":"c@x.test","role":"observer","password":"pw-123456789"}"""));
    }

    @Test
    void userCreateStopsWhenThePasswordsDiffer() {
        var result = cli.terminal(new CliHarness.ScriptedTerminal("one", "two"))
                .run("users", "create", "--username", "carol", "--role", "user");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err()).contains("do not match");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void userCreateRejectsAnUnknownRoleBeforeAskingAnything() {
        var result = cli.run("users", "create", "--username", "carol", "--role", "root");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void userUpdateSendsOnlyWhatChanges() {
        api.on("PATCH", "/api/v1/users/u2", Reply.json(200, """
                {"id":"u2","username":"carol","email":null,"role":"user","enabled":false,"created_at":"2026-11-22T10:00:00Z"}"""));

        var result = cli.run("users", "update", "u2", "--disable");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Updated user 'carol': role user, disabled.");
        assertThat(api.requests().getFirst().json()).isEqualTo(Json.parse("{\"enabled\":false}"));
    }

    @Test
    void userUpdateWithNothingToChangeIsAUsageError() {
        var both = cli.run("users", "update", "u2", "--enable", "--disable");
        var none = cli.run("users", "update", "u2");

        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void usersListAsANonAdminIsAnAuthError() {
        api.on("GET", "/api/v1/users", Reply.problem(403, "forbidden", "Your role or API key scopes do not allow this."));

        var result = cli.run("users", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(result.err()).contains("do not allow this", "request id: req-403");
    }

    @Test
    void apiKeyCreatePrintsTheKeyOnceWithAWarning() {
        api.on("POST", "/api/v1/api-keys", Reply.json(201, """
                {"id":"k1","name":"ci","scopes":["read","execute"],"created_at":"2026-11-22T10:00:00Z",
                 "expires_at":"2027-01-31T00:00:00Z","key":"aos_abcdef123456"}"""));

        var result = cli.run("api-keys", "create", "--name", "ci", "--scope", "read,execute", "--expires-at",
                "2027-01-31T01:00:00+01:00");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines()).containsExactly("Created API key 'ci' (k1).", "aos_abcdef123456");
        assertThat(result.err()).contains("only time the key is shown");
        assertThat(api.requests().getFirst().json()).isEqualTo(Json.parse(
                "{\"name\":\"ci\",\"scopes\":[\"read\",\"execute\"],\"expires_at\":\"2027-01-31T00:00:00Z\"}"));
    }

    @Test
    void apiKeyCreateRejectsABadExpiryLocally() {
        var result = cli.run("api-keys", "create", "--name", "ci", "--scope", "read", "--expires-at", "tomorrow");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void apiKeyListShowsPrefixAndScopesButNeverAKey() {
        api.on("GET", "/api/v1/api-keys", Reply.json(200, """
                {"items":[{"id":"k1","name":"ci","prefix":"aos_3kq2","scopes":["read","execute"],
                  "created_at":"2026-11-22T10:00:00Z","expires_at":null,"last_used_at":null}],"next_cursor":null}"""));

        var result = cli.run("api-keys", "list");

        assertThat(result.out().lines()).containsExactly(
                "ID  NAME  PREFIX    SCOPES         CREATED               EXPIRES  LAST USED",
                "k1  ci    aos_3kq2  read, execute  2026-11-22T10:00:00Z");
    }

    @Test
    void apiKeyRevokeDeletesTheKey() {
        api.on("DELETE", "/api/v1/api-keys/k1", Reply.noContent());

        var result = cli.run("api-keys", "revoke", "k1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Revoked API key k1.");
    }

    @Test
    void systemInfoPrintsNestedFieldsAsKeyValueLines() {
        api.on("GET", "/api/v1/system/info", Reply.json(200, """
                {"version":"0.1.0","roles":["server","worker"],"database":{"product":"H2","version":"2.4.240"}}"""));

        var result = cli.run("system", "info");

        assertThat(result.out().lines()).containsExactly(
                "version:          0.1.0",
                "roles:            server, worker",
                "database.product: H2",
                "database.version: 2.4.240");
    }

    @Test
    void queueStatusPrintsLanesTotalsAndWorkers() {
        api.on("GET", "/api/v1/system/queue", Reply.json(200, """
                {"broker":"database","lanes":{"critical":{"ready":0,"delayed":0,"leased":0},
                 "high":{"ready":2,"delayed":1,"leased":3},"medium":{"ready":0,"delayed":0,"leased":0},
                 "low":{"ready":0,"delayed":0,"leased":0}},"oldest_waiting_ms":42,
                 "workers":[{"id":"worker-1","host":"box","pid":77,"roles":"worker","version":"0.1.0",
                   "started_at":"2026-12-02T10:00:00Z","last_heartbeat_at":"2026-12-02T10:05:00Z","alive":true,
                   "in_flight":3,"slots":64,"completed_last_minute":1200}],
                 "throughput_last_minute":{"completed":1200,"per_second":20.0},"at":"2026-12-02T10:05:01Z"}"""));

        var result = cli.run("queue", "status");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("high      2      1        3")
                .contains("oldest waiting: 42 ms   completed in the last minute: 1200 (20.0/s)")
                .contains("worker-1  box   77   yes    3          64     1200");
    }

    @Test
    void queueStatusNeedsAnAdmin() {
        api.on("GET", "/api/v1/system/queue", Reply.json(403, """
                {"status":403,"code":"forbidden","detail":"Your role or API key scopes do not allow this.",
                 "request_id":"r1"}"""));

        var result = cli.run("queue", "status");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("not allow");
    }

    @Test
    void completionPrintsABashScriptThatKnowsTheCommands() {
        var result = cli.run("completion");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("#!/usr/bin/env bash").contains("workflows", "credentials", "api-keys",
                "complete -F");
    }
}
