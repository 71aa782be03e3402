package dev.automateos.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code automateos system info}: what the server runs on (admin only). */
@Command(name = "system", mixinStandardHelpOptions = true, description = "Server information (admin only).")
final class SystemCommand {

    @Mixin
    ClientOptions client;

    private final CliEnvironment env;

    SystemCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Show the server's version, database, roles and limits.")
    int info() {
        ClientContext ctx = new ClientContext(env, client);
        var info = ctx.api().get("/api/v1/system/info").json();
        if (ctx.json()) {
            ctx.printJson(info);
        } else {
            ctx.printFields(info);
        }
        return ExitCodes.OK;
    }
}
