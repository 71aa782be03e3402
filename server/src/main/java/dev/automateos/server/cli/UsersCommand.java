package dev.automateos.server.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code automateos users …}: account administration (admins only; the server enforces it). */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage user accounts (admin only).")
final class UsersCommand {

    private static final String BASE = "/api/v1/users";

    enum Role {
        ADMIN, USER, OBSERVER, API;

        // Help, errors and shell completion show this; the parser accepts any case.
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Mixin
    ClientOptions client;

    private final CliEnvironment env;

    UsersCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List user accounts.")
    int list(@Mixin Paging paging) {
        ClientContext ctx = new ClientContext(env, client);
        ObjectNode page = ctx.list(BASE, Map.of(), paging);
        if (ctx.json()) {
            ctx.printJson(page);
            return ExitCodes.OK;
        }
        Table table = new Table("ID", "USERNAME", "EMAIL", "ROLE", "ENABLED", "CREATED");
        page.path("items").forEach(u -> table.add(Json.text(u, "id"), Json.text(u, "username"), Json.text(u, "email"),
                Json.text(u, "role"), u.path("enabled").asBoolean() ? "yes" : "no",
                Table.time(Json.text(u, "created_at"))));
        ctx.printTable(table, "No users.");
        return ExitCodes.OK;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = {"Create a user account.",
        "The password is asked for twice without echo, or read from stdin with --password-stdin."})
    int create(@Option(names = "--username", required = true, paramLabel = "NAME", description = "The login name.")
               String username,
               @Option(names = "--role", required = true, paramLabel = "admin|user|observer|api") Role role,
               @Option(names = "--email", paramLabel = "EMAIL", description = "Optional e-mail address.") String email,
               @Option(names = "--password-stdin", description = "Read the password from stdin.")
               boolean passwordStdin) {
        ClientContext ctx = new ClientContext(env, client);
        String password = passwordStdin ? Inputs.stdinSecret(env.in(), "password") : askNewPassword(ctx.terminal());
        ObjectNode body = Json.object().put("username", username);
        if (email != null) {
            body.put("email", email);
        }
        body.put("role", wire(role)).put("password", password);
        JsonNode created = ctx.api().sendJson("POST", BASE, body).json();
        if (ctx.json()) {
            ctx.printJson(created);
        } else {
            ctx.out().println("Created user '" + Table.clean(Json.text(created, "username")) + "' ("
                    + Json.text(created, "id") + ") with role " + Json.text(created, "role") + ".");
        }
        return ExitCodes.OK;
    }

    static final class Enabled {
        @Option(names = "--enable", required = true, description = "Allow the user to log in again.")
        boolean enable;

        @Option(names = "--disable", required = true, description = "Stop the user from logging in.")
        boolean disable;
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Change a user's role, or enable or disable the account.")
    int update(@Parameters(paramLabel = "ID") String id,
               @Option(names = "--role", paramLabel = "admin|user|observer|api", description = "The new role.")
               Role role,
               @ArgGroup(exclusive = true) Enabled enabled) {
        if (role == null && enabled == null) {
            throw CliException.usage("Nothing to change: pass --role, --enable or --disable.");
        }
        ClientContext ctx = new ClientContext(env, client);
        ObjectNode body = Json.object();
        if (role != null) {
            body.put("role", wire(role));
        }
        if (enabled != null) {
            body.put("enabled", enabled.enable);
        }
        JsonNode updated = ctx.api().sendJson("PATCH", BASE + "/" + Urls.segment(id), body).json();
        if (ctx.json()) {
            ctx.printJson(updated);
        } else {
            ctx.out().println("Updated user '" + Table.clean(Json.text(updated, "username")) + "': role "
                    + Json.text(updated, "role") + ", " + (updated.path("enabled").asBoolean() ? "enabled" : "disabled")
                    + ".");
        }
        return ExitCodes.OK;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a user account (asks first unless --yes).")
    int delete(@Parameters(paramLabel = "ID") String id,
               @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.") boolean yes) {
        ClientContext ctx = new ClientContext(env, client);
        ctx.confirm("Delete user " + id + "?", yes);
        ctx.api().send("DELETE", BASE + "/" + Urls.segment(id), null, null);
        ctx.out().println("Deleted user " + id + ".");
        return ExitCodes.OK;
    }

    private static String askNewPassword(Terminal terminal) {
        String alternative = "pass --password-stdin and pipe it in.";
        String first = Inputs.promptSecret(terminal, "Password for the new user: ", alternative);
        String second = Inputs.promptSecret(terminal, "Repeat the password: ", alternative);
        if (!first.equals(second)) {
            throw CliException.input("The passwords do not match.");
        }
        return first;
    }

    private static String wire(Role role) {
        return role.toString();
    }
}
