package dev.automateos.server.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code automateos executions …}: the run history: list, inspect, follow, cancel and re-run. */
@Command(name = "executions", mixinStandardHelpOptions = true,
        description = "List, inspect, follow, cancel and re-run executions.")
final class ExecutionsCommand {

    static final String BASE = "/api/v1/executions";
    static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled");

    enum From {
        START, FAILED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Mixin
    ClientOptions client;

    private final CliEnvironment env;

    ExecutionsCommand(CliEnvironment env) {
        this.env = env;
    }

    static String path(String id) {
        return BASE + "/" + Urls.segment(id);
    }

    /** 0 for succeeded, 1 for failed or cancelled: what {@code run --wait} and {@code logs --follow} exit with. */
    static int exitCode(String status) {
        return "succeeded".equals(status) ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private ClientContext context() {
        return new ClientContext(env, client);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List executions, newest first.")
    int list(@Option(names = "--workflow", paramLabel = "ID", description = "Only this workflow's.") String workflow,
             @Option(names = "--status", paramLabel = "STATUS",
                     description = "Only this status: queued, running, waiting, succeeded, failed, cancelled.")
             String status,
             @Mixin Paging paging) {
        ClientContext ctx = context();
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("workflow_id", workflow);
        filters.put("status", status);
        ObjectNode page = ctx.list(BASE, filters, paging);
        if (ctx.json()) {
            ctx.printJson(page);
            return ExitCodes.OK;
        }
        Table table = new Table("ID", "WORKFLOW", "STATUS", "TRIGGER", "STARTED", "DURATION", "ERROR");
        page.path("items").forEach(e -> table.add(Json.text(e, "id"), Json.text(e, "workflow_id"),
                Json.text(e, "status"), Json.text(e, "trigger_kind"), Table.time(Json.text(e, "started_at")),
                millis(e.path("duration_ms")), Json.text(e, "error_code")));
        ctx.printTable(table, "No executions.");
        return ExitCodes.OK;
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one execution and its steps.")
    int get(@Parameters(paramLabel = "ID") String id) {
        ClientContext ctx = context();
        JsonNode detail = ctx.api().get(path(id)).json();
        if (ctx.json()) {
            ctx.printJson(detail);
            return ExitCodes.OK;
        }
        ObjectNode summary = (ObjectNode) detail.deepCopy();
        JsonNode steps = summary.remove("steps");
        JsonNode result = summary.remove("result");
        summary.remove("trigger_payload");
        ctx.printFields(summary);
        ctx.out().println();
        Table table = new Table("STEP", "NODE", "STATUS", "ATTEMPTS", "DURATION", "ERROR");
        steps.forEach(s -> table.add(Json.text(s, "id"), Json.text(s, "node_name"), Json.text(s, "status"),
                Json.text(s, "attempts"), millis(s.path("duration_ms")), error(s.path("error"))));
        ctx.printTable(table, "No steps.");
        if (result != null && !result.isNull()) {
            ctx.out().println();
            ctx.out().println("result:");
            ctx.out().println(Json.pretty(result));
        }
        return ExitCodes.OK;
    }

    @Command(name = "logs", mixinStandardHelpOptions = true,
            description = {"Print each step's log lines.",
                "With --follow, stream the execution's events until it finishes; then the exit code is 0 when "
                    + "it succeeded and 1 when it failed or was cancelled."})
    int logs(@Parameters(paramLabel = "ID") String id,
             @Option(names = {"-f", "--follow"}, description = "Keep printing live events until the execution ends.")
             boolean follow) {
        ClientContext ctx = context();
        ExecutionLogs logs = new ExecutionLogs(ctx, id);
        return follow ? logs.follow() : logs.printOnce();
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel a queued, running or waiting execution.")
    int cancel(@Parameters(paramLabel = "ID") String id) {
        ClientContext ctx = context();
        JsonNode summary = ctx.api().send("POST", path(id) + "/cancel", null, null).json();
        if (ctx.json()) {
            ctx.printJson(summary);
        } else {
            ctx.out().println("Execution " + id + " is " + Json.text(summary, "status") + ".");
        }
        return ExitCodes.OK;
    }

    @Command(name = "rerun", mixinStandardHelpOptions = true,
            description = "Run a finished execution again, as a new execution.")
    int rerun(@Parameters(paramLabel = "ID") String id,
              @Option(names = "--from", paramLabel = "start|failed",
                      description = "start (default): the whole run with the same trigger data; "
                              + "failed: from the failed step, reusing earlier steps' outputs.") From from) {
        ClientContext ctx = context();
        String query = Urls.query().add("from", from == null ? null : from.toString()).toString();
        JsonNode accepted = ctx.api().send("POST", path(id) + "/rerun" + query, null, null).json();
        if (ctx.json()) {
            ctx.printJson(accepted);
        } else {
            ctx.out().println("Re-running execution " + id + " as " + Json.text(accepted, "id") + ".");
        }
        return ExitCodes.OK;
    }

    static String millis(JsonNode duration) {
        return duration.isNumber() ? duration.asLong() + " ms" : "";
    }

    private static String error(JsonNode error) {
        return error.isObject() ? Json.text(error, "code") + ": " + Json.text(error, "message") : "";
    }
}
