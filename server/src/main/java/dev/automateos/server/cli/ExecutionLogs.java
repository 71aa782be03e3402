package dev.automateos.server.cli;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code executions logs}: prints steps' log lines once, or follows the live events and prints each
 * step's lines when it finishes (events carry no log lines; they are read from the detail).
 */
final class ExecutionLogs {

    private final ClientContext ctx;
    private final String id;
    private final Set<String> printed = new HashSet<>();

    ExecutionLogs(ClientContext ctx, String id) {
        this.ctx = ctx;
        this.id = id;
    }

    int printOnce() {
        JsonNode detail = ctx.api().get(ExecutionsCommand.path(id)).json();
        if (ctx.json()) {
            var out = Json.object();
            var steps = out.putArray("steps");
            detail.path("steps").forEach(s -> steps.addObject().put("step_id", Json.text(s, "id"))
                    .put("node_name", Json.text(s, "node_name")).put("status", Json.text(s, "status"))
                    .set("log", s.path("log")));
            ctx.printJson(out);
        } else {
            detail.path("steps").forEach(step -> printLog(step, true));
            ctx.out().flush();
        }
        return ExitCodes.OK;
    }

    /** Subscribes first, then prints what already ran, then follows until execution_finished. */
    int follow() {
        try (EventFollower events = new EventFollower(ctx.api(), ExecutionsCommand.path(id) + "/events")) {
            if (!ctx.json()) {
                printFinishedSteps();
            }
            for (var event = events.next(null); event != null; event = events.next(null)) {
                if (ctx.json()) {
                    ctx.out().println(Json.write(event.data().deepCopy()).replaceFirst("^\\{",
                            "{\"event\":\"" + event.name() + "\","));
                } else {
                    print(event);
                }
                ctx.out().flush();
                if (event.name().equals("execution_finished")) {
                    return ExecutionsCommand.exitCode(Json.text(event.data(), "status"));
                }
            }
        }
        throw new CliException(ExitCodes.SERVER, "The event stream ended before the execution finished; "
                + "run the command again to keep following.");
    }

    private void print(EventFollower.Event event) {
        JsonNode data = event.data();
        String node = Table.clean(Json.text(data, "node_name").isEmpty() ? Json.text(data, "node_id")
                : Json.text(data, "node_name"));
        switch (event.name()) {
            case "step_started" -> ctx.out().println(Table.time(Json.text(data, "at")) + "  started   " + node
                    + " (attempt " + Json.text(data, "attempt") + ")");
            case "step_finished" -> {
                printFinishedSteps();
                String error = data.path("error").isObject() ? "  " + Table.clean(Json.text(data.path("error"), "code")
                        + ": " + Json.text(data.path("error"), "message")) : "";
                ctx.out().println(Table.time(Json.text(data, "at")) + "  finished  " + node + " "
                        + Json.text(data, "status") + " " + ExecutionsCommand.millis(data.path("duration_ms")) + error);
            }
            case "execution_finished" -> {
                printFinishedSteps();
                String error = data.path("error").isObject() ? ": " + Table.clean(Json.text(data.path("error"),
                        "message")) : "";
                ctx.out().println("execution " + Json.text(data, "status") + " in "
                        + ExecutionsCommand.millis(data.path("duration_ms")) + error);
            }
            case "overflow" -> ctx.env().err().println("warning: " + Json.text(data, "message"));
            default -> { } // newer servers may send more kinds; ignore them
        }
    }

    /** Prints the log lines of every step that has ended and was not printed yet. */
    private void printFinishedSteps() {
        JsonNode detail = ctx.api().get(ExecutionsCommand.path(id)).json();
        detail.path("steps").forEach(step -> printLog(step, false));
    }

    private void printLog(JsonNode step, boolean all) {
        String status = Json.text(step, "status");
        boolean ended = !status.equals("running") && !status.equals("pending") && !status.equals("waiting");
        String key = Json.text(step, "id") + "#" + Json.text(step, "attempts");
        if ((!all && !ended) || !printed.add(key)) {
            return;
        }
        String node = Table.clean(Json.text(step, "node_name"));
        step.path("log").forEach(line -> ctx.out().println("[" + node + "] " + Table.clean(line.asString())));
    }
}
