package dev.automateos.server.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code automateos credentials …}: list, create and delete stored secrets. Values are never shown. */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "List, create and delete credentials (encrypted secrets that nodes use).")
final class CredentialsCommand {

    private static final String BASE = "/api/v1/credentials";

    @Mixin
    ClientOptions client;

    private final CliEnvironment env;

    CredentialsCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List credentials (names and types only; values are never shown).")
    int list(@Option(names = "--type", paramLabel = "TYPE", description = "Only credentials of this type.") String type,
             @Option(names = "--name", paramLabel = "TEXT", description = "Only names containing this text.")
             String name,
             @Mixin Paging paging) {
        ClientContext ctx = new ClientContext(env, client);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("type", type);
        filters.put("name", name);
        ObjectNode page = ctx.list(BASE, filters, paging);
        if (ctx.json()) {
            ctx.printJson(page);
            return ExitCodes.OK;
        }
        Table table = new Table("ID", "NAME", "TYPE", "CREATED", "LAST USED");
        page.path("items").forEach(c -> table.add(Json.text(c, "id"), Json.text(c, "name"), Json.text(c, "type"),
                Table.time(Json.text(c, "created_at")), Table.time(Json.text(c, "last_used_at"))));
        ctx.printTable(table, "No credentials.");
        return ExitCodes.OK;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = {"Create a credential.",
        "Secret fields of the type are asked for without echo; or pipe one in with --secret-stdin FIELD."})
    int create(@Option(names = "--name", required = true, paramLabel = "NAME", description = "A name to find it by.")
               String name,
               @Option(names = "--type", required = true, paramLabel = "TYPE",
                       description = "The credential type, e.g. basic_auth, api_key, custom_header.")
               String type,
               @Option(names = "--field", paramLabel = "KEY=VALUE",
                       description = "A non-secret field; repeat for several.") Map<String, String> fields,
               @Option(names = "--secret-stdin", paramLabel = "FIELD",
                       description = "Read the value of FIELD from stdin.") String secretField) {
        ClientContext ctx = new ClientContext(env, client);
        CredentialForm form = new CredentialForm(schemaOf(ctx, type));
        String stdinValue = secretField == null ? null
                : Inputs.stdinSecret(env.in(), "value for '" + secretField + "'");
        ObjectNode data = form.build(fields == null ? Map.of() : fields, secretField, stdinValue, ctx.terminal(),
                ctx::warn);
        ObjectNode body = Json.object().put("name", name).put("type", type);
        body.set("data", data);
        JsonNode created = ctx.api().sendJson("POST", BASE, body).json();
        if (ctx.json()) {
            ctx.printJson(created);
        } else {
            ctx.out().println("Created credential '" + Table.clean(Json.text(created, "name")) + "' ("
                    + Json.text(created, "id") + ").");
        }
        return ExitCodes.OK;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a credential (asks first unless --yes).")
    int delete(@Parameters(paramLabel = "ID") String id,
               @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.") boolean yes) {
        ClientContext ctx = new ClientContext(env, client);
        ctx.confirm("Delete credential " + id + "?", yes);
        ctx.api().send("DELETE", BASE + "/" + Urls.segment(id), null, null);
        ctx.out().println("Deleted credential " + id + ".");
        return ExitCodes.OK;
    }

    private static JsonNode schemaOf(ClientContext ctx, String type) {
        JsonNode types = ctx.api().get("/api/v1/credential-types").json().path("items");
        List<String> known = new ArrayList<>();
        for (JsonNode candidate : types) {
            if (type.equals(Json.text(candidate, "type"))) {
                return candidate.path("schema");
            }
            known.add(Json.text(candidate, "type"));
        }
        throw new CliException(ExitCodes.REJECTED, "Unknown credential type '" + type + "'.",
                List.of("Known types: " + (known.isEmpty() ? "none" : String.join(", ", known))));
    }
}
