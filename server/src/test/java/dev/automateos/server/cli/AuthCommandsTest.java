package dev.automateos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.cli.FakeApi.Reply;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * login, logout and the transparent refresh, against {@link FakeApi} answering the documented
 * shapes of /api/v1/auth/* (not served on this branch yet; CliEndToEndTest covers the real ones).
 */
class AuthCommandsTest {

    private static final String TOKENS = """
            {"access_token":"access-1","token_type":"Bearer","expires_in":900,"refresh_token":"refresh-1",
             "refresh_expires_in":2592000,"scope":"execute read write",
             "user":{"id":"6f1c2a52-0000-4000-8000-000000000001","username":"alice","role":"admin"}}""";

    private final FakeApi api = new FakeApi();
    private final CliHarness cli = CliHarness.inTempDir();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void loginWithPasswordFromStdinStoresTheTokenPairPrivately() throws Exception {
        api.on("POST", "/api/v1/auth/token", Reply.json(200, TOKENS));

        var result = cli.stdin("s3cret pass\n").run("login", "--url", api.url() + "/", "--username", "alice",
                "--password-stdin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Logged in to " + api.url() + " as alice.");
        var sent = api.requests("POST", "/api/v1/auth/token").getFirst();
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.header("Authorization")).isNull();
        assertThat(sent.json()).isEqualTo(Json.parse(
                "{\"grant_type\":\"password\",\"username\":\"alice\",\"password\":\"s3cret pass\"}"));
        assertThat(cli.config()).isEqualTo(CliConfig.withTokens(api.url(), "access-1", "refresh-1", "alice"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.store().file())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(cli.store().file())).doesNotContain("s3cret");
    }

    @Test
    void loginAsksForThePasswordWithoutEcho() {
        api.on("POST", "/api/v1/auth/token", Reply.json(200, TOKENS));
        var terminal = new CliHarness.ScriptedTerminal("alice", "typed-secret");

        var result = cli.terminal(terminal).run("login", "--url", api.url());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(terminal.echoedPrompts).containsExactly("Username: ");
        assertThat(terminal.secretPrompts).containsExactly("Password: ");
        assertThat(api.requests().getFirst().json().path("password").asString()).isEqualTo("typed-secret");
    }

    @Test
    void loginWithoutTerminalOrStdinRefusesAndSendsNothing() {
        var result = cli.run("login", "--url", api.url(), "--username", "alice");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err()).contains("--password-stdin");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void loginWithAWrongPasswordIsAnAuthErrorAndStoresNothing() {
        api.on("POST", "/api/v1/auth/token",
                Reply.problem(401, "invalid_credentials", "Wrong username or password."));

        var result = cli.stdin("nope").run("login", "--url", api.url(), "-u", "alice", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(result.err()).contains("Wrong username or password.", "request id: req-401");
        assertThat(cli.store().load()).isEmpty();
    }

    @Test
    void loginWithAnApiKeyChecksItFirst() {
        api.on("GET", "/api/v1/auth/me", request -> "Bearer aos_goodkey".equals(request.header("Authorization"))
                ? Reply.json(200, "{\"id\":\"u1\",\"username\":\"ci-bot\",\"role\":\"api\"}")
                : Reply.problem(401, "invalid_api_key", "The API key is unknown, revoked or expired."));

        var refused = cli.run("login", "--url", api.url(), "--api-key", "aos_badkey");
        var accepted = cli.stdin("aos_goodkey\n").run("login", "--url", api.url(), "--api-key", "-");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(cli.config()).isEqualTo(CliConfig.withApiKey(api.url(), "aos_goodkey", "ci-bot"));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheCallRetried() {
        cli.saveConfig(CliConfig.withTokens(api.url(), "old-access", "old-refresh", "alice"));
        api.on("GET", "/api/v1/workflows", request -> "Bearer new-access".equals(request.header("Authorization"))
                ? Reply.json(200, "{\"items\":[],\"next_cursor\":null}")
                : Reply.problem(401, "token_expired", "The access token has expired; refresh it or log in again."));
        api.on("POST", "/api/v1/auth/token", Reply.json(200, TOKENS.replace("access-1", "new-access")
                .replace("refresh-1", "new-refresh")));

        var result = cli.run("workflows", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.requests("POST", "/api/v1/auth/token")).singleElement().satisfies(r -> assertThat(r.json())
                .isEqualTo(Json.parse("{\"grant_type\":\"refresh_token\",\"refresh_token\":\"old-refresh\"}")));
        assertThat(api.requests("GET", "/api/v1/workflows")).hasSize(2);
        assertThat(cli.config()).isEqualTo(CliConfig.withTokens(api.url(), "new-access", "new-refresh", "alice"));
    }

    @Test
    void aRefusedRefreshAsksToLogInAgainWithoutRetrying() {
        cli.saveConfig(CliConfig.withTokens(api.url(), "old-access", "old-refresh", "alice"));
        api.on("GET", "/api/v1/workflows", Reply.problem(401, "token_expired", "The access token has expired."));
        api.on("POST", "/api/v1/auth/token", Reply.problem(401, "invalid_grant", "The refresh token is not valid."));

        var result = cli.run("workflows", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(result.err()).contains("Your session has expired: run 'automateos login'.");
        assertThat(api.requests("GET", "/api/v1/workflows")).hasSize(1);
        assertThat(cli.config().accessToken()).isEqualTo("old-access");
    }

    @Test
    void otherUnauthorizedAnswersAreNotRefreshed() {
        cli.saveConfig(CliConfig.withTokens(api.url(), "bad", "refresh", "alice"));
        api.on("GET", "/api/v1/workflows", Reply.problem(401, "invalid_token", "The access token is malformed."));

        var result = cli.run("workflows", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(result.err()).contains("The access token is malformed.", "automateos login");
        assertThat(api.requests("POST", "/api/v1/auth/token")).isEmpty();
    }

    @Test
    void logoutRevokesTheRefreshTokenAndDeletesTheSecrets() {
        cli.saveConfig(CliConfig.withTokens(api.url(), "access-1", "refresh-1", "alice"));
        api.on("POST", "/api/v1/auth/logout", Reply.noContent());

        var result = cli.run("logout");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.requests("POST", "/api/v1/auth/logout")).singleElement()
                .satisfies(r -> assertThat(r.json()).isEqualTo(Json.parse("{\"refresh_token\":\"refresh-1\"}")));
        assertThat(cli.config()).isEqualTo(new CliConfig(api.url(), null, null, null, null));
    }

    @Test
    void logoutDeletesTheSecretsEvenWhenTheServerIsDown() {
        String downUrl = api.url();
        api.close();
        cli.saveConfig(CliConfig.withTokens(downUrl, "access-1", "refresh-1", "alice"));

        var result = cli.run("logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("could not tell the server");
        assertThat(cli.config().loggedIn()).isFalse();
    }

    @Test
    void clientCommandsBeforeLoginSaySo() {
        var result = cli.run("workflows", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err()).contains("Not logged in: run 'automateos login'");
    }

    @Test
    void anApiKeyFromTheEnvironmentNeedsNoLogin() {
        api.on("GET", "/api/v1/workflows", Reply.json(200, "{\"items\":[],\"next_cursor\":null}"));

        var result = cli.variable("AUTOMATEOS_API_KEY", "aos_fromenv").variable("AUTOMATEOS_URL", api.url())
                .run("workflows", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("No workflows.");
        assertThat(api.requests().getFirst().header("Authorization")).isEqualTo("Bearer aos_fromenv");
        assertThat(cli.store().load()).isEmpty();
    }
}
