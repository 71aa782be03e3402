package dev.automateos.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

/** {@code automateos queue status}: depth per lane, the oldest waiting item, workers, throughput (admin only). */
@Command(name = "queue", mixinStandardHelpOptions = true, description = "The work queue and its workers (admin only).")
final class QueueCommand {

    @Mixin
    ClientOptions client;

    private final CliEnvironment env;

    QueueCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show queue depth per priority lane, the oldest waiting item, workers and throughput.")
    int status() {
        ClientContext ctx = new ClientContext(env, client);
        JsonNode status = ctx.api().get("/api/v1/system/queue").json();
        if (ctx.json()) {
            ctx.printJson(status);
            return ExitCodes.OK;
        }
        Table lanes = new Table("LANE", "READY", "DELAYED", "LEASED");
        status.path("lanes").properties().forEach(lane -> lanes.add(lane.getKey(), Json.text(lane.getValue(), "ready"),
                Json.text(lane.getValue(), "delayed"), Json.text(lane.getValue(), "leased")));
        ctx.printTable(lanes, "No lanes.");
        JsonNode throughput = status.path("throughput_last_minute");
        env.out().println();
        env.out().println("Broker: " + Json.text(status, "broker") + "   oldest waiting: "
                + Json.text(status, "oldest_waiting_ms") + " ms   completed in the last minute: "
                + Json.text(throughput, "completed") + " (" + Json.text(throughput, "per_second") + "/s)");
        env.out().println();
        Table workers = new Table("WORKER", "HOST", "PID", "ALIVE", "IN FLIGHT", "SLOTS", "LAST MINUTE", "STARTED",
                "LAST HEARTBEAT");
        status.path("workers").values().forEach(w -> workers.add(Json.text(w, "id"), Json.text(w, "host"),
                Json.text(w, "pid"), w.path("alive").asBoolean() ? "yes" : "no", Json.text(w, "in_flight"),
                Json.text(w, "slots"), Json.text(w, "completed_last_minute"), Table.time(Json.text(w, "started_at")),
                Table.time(Json.text(w, "last_heartbeat_at"))));
        ctx.printTable(workers, "No workers have reported in the last ten minutes.");
        return ExitCodes.OK;
    }
}
