package dev.automateos.server.cli;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code automateos api-keys …}: personal API keys for scripts and CI. A new key is shown once. */
@Command(name = "api-keys", mixinStandardHelpOptions = true,
        description = "List, create and revoke your personal API keys.")
final class ApiKeysCommand {

    private static final String BASE = "/api/v1/api-keys";

    enum KeyScope {
        READ, WRITE, EXECUTE;

        // Help, errors and shell completion show this; the parser accepts any case.
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Mixin
    ClientOptions client;

    private final CliEnvironment env;

    ApiKeysCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List your API keys (the keys themselves are never shown again).")
    int list(@Mixin Paging paging) {
        ClientContext ctx = new ClientContext(env, client);
        ObjectNode page = ctx.list(BASE, Map.of(), paging);
        if (ctx.json()) {
            ctx.printJson(page);
            return ExitCodes.OK;
        }
        Table table = new Table("ID", "NAME", "PREFIX", "SCOPES", "CREATED", "EXPIRES", "LAST USED");
        page.path("items").forEach(k -> table.add(Json.text(k, "id"), Json.text(k, "name"), Json.text(k, "prefix"),
                Json.text(k.has("scopes") ? k.path("scopes") : k.path("scope")), Table.time(Json.text(k, "created_at")),
                Table.time(Json.text(k, "expires_at")), Table.time(Json.text(k, "last_used_at"))));
        ctx.printTable(table, "No API keys.");
        return ExitCodes.OK;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API key. The key is printed once: store it right away.")
    int create(@Option(names = "--name", required = true, paramLabel = "NAME", description = "What the key is for.")
               String name,
               @Option(names = "--scope", required = true, split = ",", paramLabel = "read,write,execute",
                       description = "What the key may do; comma-separated.") List<KeyScope> scopes,
               @Option(names = "--expires-at", paramLabel = "ISO-8601",
                       description = "When the key stops working, e.g. 2027-01-31T00:00:00Z.") String expiresAt) {
        ClientContext ctx = new ClientContext(env, client);
        ObjectNode body = Json.object().put("name", name);
        var array = body.putArray("scopes");
        scopes.stream().distinct().forEach(s -> array.add(s.toString()));
        if (expiresAt != null) {
            body.put("expires_at", checkedInstant(expiresAt));
        }
        JsonNode created = ctx.api().sendJson("POST", BASE, body).json();
        if (ctx.json()) {
            ctx.printJson(created);
        } else {
            ctx.out().println("Created API key '" + Table.clean(Json.text(created, "name")) + "' ("
                    + Json.text(created, "id") + ").");
            ctx.out().println(Json.text(created, "key"));
            ctx.out().flush();
        }
        ctx.warn("this is the only time the key is shown. Store it now (e.g. in your CI's secret store).");
        return ExitCodes.OK;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke an API key; calls using it fail from now on.")
    int revoke(@Parameters(paramLabel = "ID") String id) {
        ClientContext ctx = new ClientContext(env, client);
        ctx.api().send("DELETE", BASE + "/" + Urls.segment(id), null, null);
        ctx.out().println("Revoked API key " + id + ".");
        return ExitCodes.OK;
    }

    private static String checkedInstant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant().toString();
        } catch (DateTimeParseException e) {
            throw CliException.usage("--expires-at: '" + value + "' is not an ISO-8601 date-time such as "
                    + "2027-01-31T00:00:00Z.");
        }
    }
}
