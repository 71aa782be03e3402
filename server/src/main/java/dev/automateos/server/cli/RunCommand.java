package dev.automateos.server.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code automateos run WORKFLOW_ID}: starts a manual run, and with {@code --wait} follows it to its end. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a workflow now (its current version, active or not).",
            "With --wait: exit code 0 when it succeeded, 1 when it failed or was cancelled, "
                + "7 when --timeout passed first (it keeps running)."})
final class RunCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    @Mixin
    ClientOptions client;

    @Parameters(paramLabel = "WORKFLOW_ID", description = "The workflow to run.")
    String workflowId;

    @Option(names = "--input", paramLabel = "FILE|-",
            description = "JSON to pass as $trigger.body, from a file or '-' for stdin.")
    String input;

    @Option(names = "--wait", description = "Wait for the end; print the result (or the failure).")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long --wait waits: 1500ms, 30s, 5m, 1h (default ${DEFAULT-VALUE}).")
    String timeout;

    private final CliEnvironment env;

    RunCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Duration waitFor = parseDuration(timeout);
        ClientContext ctx = new ClientContext(env, client);
        ObjectNode body = Json.object();
        if (input != null) {
            body.set("input", parseInput(Inputs.fileOrStdin(input, env.in())));
        }
        JsonNode accepted = ctx.api().sendJson("POST", "/api/v1/workflows/" + Urls.segment(workflowId) + "/run",
                body).json();
        String id = Json.text(accepted, "id");
        if (!wait) {
            if (ctx.json()) {
                ctx.printJson(accepted);
            } else {
                ctx.out().println("Started execution " + id + ". Follow it with 'automateos executions logs " + id
                        + " --follow'.");
            }
            return ExitCodes.OK;
        }
        return awaitAndPrint(ctx, id, waitFor);
    }

    /** Follows the execution's events until it finished, then prints its result from the detail. */
    static int awaitAndPrint(ClientContext ctx, String id, Duration waitFor) {
        Instant deadline = Instant.now().plus(waitFor);
        boolean finished = false;
        try (EventFollower events = new EventFollower(ctx.api(), ExecutionsCommand.path(id) + "/events")) {
            for (var event = events.next(deadline); event != null; event = events.next(deadline)) {
                if (event.name().equals("execution_finished")) {
                    finished = true;
                    break;
                }
            }
        }
        JsonNode detail = ctx.api().get(ExecutionsCommand.path(id)).json();
        String status = Json.text(detail, "status");
        if (!finished && !ExecutionsCommand.FINAL.contains(status)) {
            ctx.env().err().println("automateos: execution " + id + " is still " + status + " after "
                    + waitFor.toMillis() + " ms; it keeps running. See 'automateos executions get " + id + "'.");
            return ExitCodes.TIMED_OUT;
        }
        ObjectNode outcome = Json.object();
        outcome.put("id", id).put("status", status);
        outcome.set("result", detail.path("result").isMissingNode() ? null : detail.path("result"));
        outcome.set("error", detail.path("error").isMissingNode() ? null : detail.path("error"));
        if (ctx.json()) {
            ctx.printJson(outcome);
        } else if (status.equals("succeeded")) {
            ctx.printJson(detail.path("result").isMissingNode() ? Json.MAPPER.nullNode() : detail.path("result"));
        } else {
            ctx.env().err().println("automateos: execution " + id + " " + status + ": "
                    + Table.clean(Json.text(detail.path("error"), "message")) + " ("
                    + Json.text(detail.path("error"), "code") + ")");
        }
        return ExecutionsCommand.exitCode(status);
    }

    private static JsonNode parseInput(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (RuntimeException e) {
            throw CliException.input("The input is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    static Duration parseDuration(String value) {
        Matcher m = DURATION.matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            throw CliException.usage("--timeout must look like 1500ms, 30s, 5m or 1h, not '" + value + "'.");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
