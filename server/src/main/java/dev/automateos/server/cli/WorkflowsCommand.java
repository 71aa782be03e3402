package dev.automateos.server.cli;

import java.util.Locale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code automateos workflows …}: list, inspect, import, export, validate and delete workflows. */
@Command(name = "workflows", mixinStandardHelpOptions = true,
        description = "List, import, export and validate workflows.")
final class WorkflowsCommand {

    private static final String BASE = "/api/v1/workflows";

    enum Format {
        JSON, YAML;

        // Help, errors and shell completion show this; the parser accepts any case.
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Mixin
    ClientOptions client;

    private final CliEnvironment env;

    WorkflowsCommand(CliEnvironment env) {
        this.env = env;
    }

    private ClientContext context() {
        return new ClientContext(env, client);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List workflows, newest first.")
    int list(@Option(names = "--name", paramLabel = "TEXT", description = "Only names containing this text.")
             String name,
             @Option(names = "--tag", paramLabel = "TAG", description = "Only workflows with this tag.") String tag,
             @Option(names = "--active", paramLabel = "true|false", arity = "1",
                     description = "Only active (true) or inactive (false) workflows.") Boolean active,
             @Mixin Paging paging) {
        ClientContext ctx = context();
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("name", name);
        filters.put("tag", tag);
        filters.put("active", active);
        ObjectNode page = ctx.list(BASE, filters, paging);
        if (ctx.json()) {
            ctx.printJson(page);
            return ExitCodes.OK;
        }
        Table table = new Table("ID", "NAME", "ACTIVE", "TRIGGER", "VERSION", "TAGS", "UPDATED");
        page.path("items").forEach(w -> table.add(Json.text(w, "id"), Json.text(w, "name"),
                w.path("active").asBoolean() ? "yes" : "no", Json.text(w, "trigger_type"), Json.text(w, "version"),
                Json.text(w, "tags"), Table.time(Json.text(w, "updated_at"))));
        ctx.printTable(table, "No workflows.");
        return ExitCodes.OK;
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one workflow and its definition.")
    int get(@Parameters(paramLabel = "ID") String id) {
        ClientContext ctx = context();
        JsonNode workflow = ctx.api().get(BASE + "/" + Urls.segment(id)).json();
        if (ctx.json()) {
            ctx.printJson(workflow);
            return ExitCodes.OK;
        }
        ObjectNode summary = ((ObjectNode) workflow.deepCopy());
        JsonNode definition = summary.remove("definition");
        ctx.printFields(summary);
        if (definition != null && !definition.isNull()) {
            ctx.out().println();
            ctx.out().println("definition:");
            ctx.out().println(Json.pretty(definition));
        }
        return ExitCodes.OK;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Create a workflow from a JSON or YAML file ('-' reads stdin).")
    int importFile(@Parameters(paramLabel = "FILE") String file) {
        ClientContext ctx = context();
        String content = Inputs.fileOrStdin(file, env.in());
        JsonNode created = ctx.api().send("POST", BASE + "/import", Inputs.workflowContentType(file, content), content)
                .json();
        if (ctx.json()) {
            ctx.printJson(created);
        } else {
            ctx.out().println("Imported workflow '" + Table.clean(Json.text(created, "name")) + "' ("
                    + Json.text(created, "id") + "), version " + Json.text(created, "version") + ".");
        }
        return ExitCodes.OK;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print a workflow as JSON or YAML, ready to import elsewhere.")
    int export(@Parameters(paramLabel = "ID") String id,
               @Option(names = "--format", paramLabel = "json|yaml", description = "json (default) or yaml.")
               Format format,
               @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Write to FILE, not stdout.")
               Path file) {
        ClientContext ctx = context();
        String query = Urls.query().add("format", format == null ? null : format.toString()).toString();
        String document = ctx.api().get(BASE + "/" + Urls.segment(id) + "/export" + query).body();
        if (file == null) {
            ctx.out().print(document.endsWith("\n") ? document : document + "\n");
            ctx.out().flush();
            return ExitCodes.OK;
        }
        try {
            Files.writeString(file, document);
        } catch (IOException e) {
            throw CliException.input("Cannot write " + file + ": " + e.getMessage());
        }
        ctx.out().println("Exported workflow " + id + " to " + file + ".");
        return ExitCodes.OK;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a workflow file without saving it.",
        "Exit code 0 when it is valid, 5 when not; every problem is printed as 'path: message (code)'."})
    int validate(@Parameters(paramLabel = "FILE") String file) {
        ClientContext ctx = context();
        String content = Inputs.fileOrStdin(file, env.in());
        JsonNode result = ctx.api().send("POST", BASE + "/validate", Inputs.workflowContentType(file, content), content)
                .json();
        boolean valid = result.path("valid").asBoolean();
        if (ctx.json()) {
            ctx.printJson(result);
        } else if (valid) {
            ctx.out().println("Valid.");
        } else {
            result.path("errors").forEach(e -> ctx.out().println(Table.clean(ApiErrors.fieldError(e)
                    + " (" + Json.text(e, "code") + ")")));
            ctx.out().flush();
        }
        return valid ? ExitCodes.OK : ExitCodes.REJECTED;
    }

    @Command(name = "versions", mixinStandardHelpOptions = true,
            description = "List the saved versions of a workflow, newest first.")
    int versions(@Parameters(paramLabel = "ID") String id, @Mixin Paging paging) {
        ClientContext ctx = context();
        ObjectNode page = ctx.list(BASE + "/" + Urls.segment(id) + "/versions", Map.of(), paging);
        if (ctx.json()) {
            ctx.printJson(page);
            return ExitCodes.OK;
        }
        Table table = new Table("VERSION", "CREATED", "CREATED BY", "MESSAGE");
        page.path("items").forEach(v -> table.add(Json.text(v, "version"), Table.time(Json.text(v, "created_at")),
                Json.text(v, "created_by"), Json.text(v, "message")));
        ctx.printTable(table, "No versions.");
        return ExitCodes.OK;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a workflow and its versions (asks first unless --yes).")
    int delete(@Parameters(paramLabel = "ID") String id,
               @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.") boolean yes) {
        ClientContext ctx = context();
        ctx.confirm("Delete workflow " + id + "?", yes);
        ctx.api().send("DELETE", BASE + "/" + Urls.segment(id), null, null);
        ctx.out().println("Deleted workflow " + id + ".");
        return ExitCodes.OK;
    }
}
