package dev.automateos.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code automateos triggers next WORKFLOW_ID}: when the workflow's schedule trigger fires next. */
@Command(name = "triggers", mixinStandardHelpOptions = true, description = "Workflow triggers: schedule previews.")
final class TriggersCommand {

    @Mixin
    ClientOptions client;

    private final CliEnvironment env;

    TriggersCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "next", mixinStandardHelpOptions = true,
            description = "Show the next fire times of a workflow's schedule trigger (its current version, "
                    + "active or not), in UTC and in the trigger's time zone.")
    int next(@Parameters(paramLabel = "WORKFLOW_ID", description = "The workflow.") String workflowId,
             @Option(names = "--count", paramLabel = "N", defaultValue = "5",
                     description = "How many times, 1 to 100 (default ${DEFAULT-VALUE}).") int count) {
        ClientContext ctx = new ClientContext(env, client);
        JsonNode next = ctx.api().get("/api/v1/workflows/" + Urls.segment(workflowId) + "/triggers/next"
                + Urls.query().add("count", count)).json();
        if (ctx.json()) {
            ctx.printJson(next);
            return ExitCodes.OK;
        }
        String rule = next.path("cron").isString() ? "cron " + Json.text(next, "cron")
                : "every " + Json.text(next, "interval");
        env.out().println("Schedule: " + rule + " in " + Json.text(next, "timezone") + ", misfire "
                + Json.text(next, "misfire") + (next.path("active").asBoolean() ? "" : " (inactive: nothing fires)"));
        Table table = new Table("AT (UTC)", "LOCAL TIME");
        next.path("times").values().forEach(t -> table.add(Table.time(Json.text(t, "at")), Json.text(t, "local_time")));
        ctx.printTable(table, "No more fire times: the schedule has ended.");
        return ExitCodes.OK;
    }
}
