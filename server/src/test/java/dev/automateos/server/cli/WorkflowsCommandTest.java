package dev.automateos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.cli.FakeApi.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflows commands against {@link FakeApi}, which answers the documented /api/v1/workflows shapes. */
class WorkflowsCommandTest {

    private static final String W1 = """
            {"id":"11111111-1111-4111-8111-111111111111","name":"nightly-report","description":"d","tags":["ops","daily"],
             "active":true,"trigger_type":"schedule","version":3,"owner_id":"o","created_at":"2026-11-20T08:00:00Z",
             "updated_at":"2026-11-21T09:30:15.123Z"}""";
    private static final String W2 = """
            {"id":"22222222-2222-4222-8222-222222222222","name":"on-webhook","description":null,"tags":[],
             "active":false,"trigger_type":"webhook","version":1,"owner_id":"o","created_at":"2026-11-20T08:00:00Z",
             "updated_at":"2026-11-20T08:00:00Z"}""";

    @TempDir
    Path temp;

    private final FakeApi api = new FakeApi();
    private final CliHarness cli = CliHarness.inTempDir();

    @BeforeEach
    void logIn() {
        cli.saveConfig(CliConfig.withTokens(api.url(), "token-1", "refresh-1", "alice"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void listPrintsATableAndSendsFiltersEscaped() {
        api.on("GET", "/api/v1/workflows", Reply.json(200, "{\"items\":[" + W1 + "," + W2 + "],\"next_cursor\":null}"));

        var result = cli.run("workflows", "list", "--name", "report & co", "--tag", "ops", "--active", "true",
                "--limit", "5");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "ID                                    NAME            ACTIVE  TRIGGER   VERSION  TAGS        UPDATED",
                "11111111-1111-4111-8111-111111111111  nightly-report  yes     schedule  3        ops, daily  2026-11-21T09:30:15Z",
                "22222222-2222-4222-8222-222222222222  on-webhook      no      webhook   1                    2026-11-20T08:00:00Z");
        var sent = api.requests().getFirst();
        assertThat(sent.rawQuery()).isEqualTo("name=report+%26+co&tag=ops&active=true&limit=5");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer token-1");
    }

    @Test
    void listWithAllFollowsNextCursorUntilTheEnd() {
        api.on("GET", "/api/v1/workflows", request -> request.rawQuery() == null
                ? Reply.json(200, "{\"items\":[" + W1 + "],\"next_cursor\":\"c/2+\"}")
                : Reply.json(200, "{\"items\":[" + W2 + "],\"next_cursor\":null}"));

        var result = cli.run("workflows", "list", "--all", "--output", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        var printed = Json.parse(result.out());
        assertThat(printed.path("items").size()).isEqualTo(2);
        assertThat(printed.path("next_cursor").isNull()).isTrue();
        assertThat(api.requests().get(1).rawQuery()).isEqualTo("cursor=c%2F2%2B");
    }

    @Test
    void listWithoutAllNamesTheNextCursorOnStderr() {
        api.on("GET", "/api/v1/workflows", Reply.json(200, "{\"items\":[" + W1 + "],\"next_cursor\":\"abc\"}"));

        var result = cli.run("workflows", "list");

        assertThat(result.err()).contains("--all", "--cursor abc");
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void getShowsFieldsThenTheDefinition() {
        api.on("GET", "/api/v1/workflows/11111111-1111-4111-8111-111111111111",
                Reply.json(200, W1.substring(0, W1.lastIndexOf('}')) + ",\"definition\":{\"nodes\":[]}}"));

        var result = cli.run("workflows", "get", "11111111-1111-4111-8111-111111111111");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("name:         nightly-report", "tags:         ops, daily", "definition:",
                "\"nodes\" : [ ]");
    }

    @Test
    void idsAreEscapedSoTheyCannotReachAnotherPath() {
        var result = cli.run("workflows", "get", "../users");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(api.requests().getFirst().rawPath()).isEqualTo("/api/v1/workflows/..%2Fusers");
    }

    @Test
    void importSendsYamlOrJsonByExtensionAndByContentFromStdin() throws Exception {
        api.on("POST", "/api/v1/workflows/import",
                Reply.json(201, "{\"id\":\"33333333-3333-4333-8333-333333333333\",\"name\":\"imported\",\"version\":1}"));
        Path yaml = Files.writeString(temp.resolve("flow.yml"), "name: imported\n");

        var fromFile = cli.run("workflows", "import", yaml.toString());
        var fromStdin = cli.stdin("  {\"name\":\"imported\"}").run("workflows", "import", "-");

        assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
        assertThat(fromFile.out()).contains("Imported workflow 'imported' (33333333-3333-4333-8333-333333333333), version 1.");
        assertThat(fromStdin.exitCode()).isZero();
        var sent = api.requests("POST", "/api/v1/workflows/import");
        assertThat(sent.get(0).header("Content-Type")).isEqualTo("application/yaml");
        assertThat(sent.get(0).body()).isEqualTo("name: imported\n");
        assertThat(sent.get(1).header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void importOfAMissingFileIsAConfigErrorAndSendsNothing() {
        var result = cli.run("workflows", "import", temp.resolve("nope.json").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err()).contains("No such file");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void validatePrintsEveryProblemAndExitsFiveWhenInvalid() throws Exception {
        api.on("POST", "/api/v1/workflows/validate", Reply.json(200, """
                {"valid":false,"errors":[
                  {"path":"/nodes/0/type","code":"unknown_node_type","message":"No node type 'htp.request'."},
                  {"path":"/connections/1/to","code":"unknown_node","message":"No node named 'b'."}]}"""));
        Path file = Files.writeString(temp.resolve("bad.json"), "{}");

        var result = cli.run("workflows", "validate", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.out().lines()).containsExactly(
                "/nodes/0/type: No node type 'htp.request'. (unknown_node_type)",
                "/connections/1/to: No node named 'b'. (unknown_node)");
    }

    @Test
    void validateSaysValidAndExitsZero() throws Exception {
        api.on("POST", "/api/v1/workflows/validate", Reply.json(200, "{\"valid\":true,\"errors\":[]}"));
        Path file = Files.writeString(temp.resolve("good.yaml"), "name: x\n");

        var result = cli.run("workflows", "validate", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Valid.\n");
    }

    @Test
    void exportWritesTheServersDocumentToAFile() throws Exception {
        api.on("GET", "/api/v1/workflows/11111111-1111-4111-8111-111111111111/export",
                request -> new Reply(200, "application/yaml", "name: nightly-report\nformat: " + request.rawQuery() + "\n"));
        Path target = temp.resolve("out.yaml");

        var result = cli.run("workflows", "export", "11111111-1111-4111-8111-111111111111", "--format", "yaml",
                "-o", target.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(target)).isEqualTo("name: nightly-report\nformat: format=yaml\n");
    }

    @Test
    void versionsListsEveryVersion() {
        api.on("GET", "/api/v1/workflows/w1/versions", Reply.json(200, """
                {"items":[{"version":2,"created_at":"2026-11-21T10:00:00Z","created_by":"alice","message":"tweak"},
                          {"version":1,"created_at":"2026-11-20T10:00:00Z","created_by":"alice","message":null}],
                 "next_cursor":null}"""));

        var result = cli.run("workflows", "versions", "w1");

        assertThat(result.out().lines()).containsExactly(
                "VERSION  CREATED               CREATED BY  MESSAGE",
                "2        2026-11-21T10:00:00Z  alice       tweak",
                "1        2026-11-20T10:00:00Z  alice");
    }

    @Test
    void deleteWithoutYesAndWithoutTerminalIsRefusedAndDeletesNothing() {
        var result = cli.run("workflows", "delete", "w1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--yes");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void deleteAsksOnATerminalAndStopsOnNo() {
        var terminal = new CliHarness.ScriptedTerminal("n");

        var result = cli.terminal(terminal).run("workflows", "delete", "w1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(terminal.echoedPrompts).containsExactly("Delete workflow w1? [y/N] ");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void deleteWithYesDeletes() {
        api.on("DELETE", "/api/v1/workflows/w1", Reply.noContent());

        var result = cli.run("workflows", "delete", "w1", "--yes");

        assertThat(result.exitCode()).isZero();
        assertThat(api.requests("DELETE", "/api/v1/workflows/w1")).hasSize(1);
    }

    @Test
    void aServerFailureExitsSixWithTheRequestId() {
        api.on("GET", "/api/v1/workflows", Reply.problem(500, "internal_error", "Something went wrong on the server."));

        var result = cli.run("workflows", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SERVER);
        assertThat(result.err()).contains("Something went wrong on the server.", "request id: req-500");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aBadOptionValueIsAUsageError() {
        var result = cli.run("workflows", "list", "--limit", "many");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(api.requests()).isEmpty();
    }
}
