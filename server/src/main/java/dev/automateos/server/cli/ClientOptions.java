package dev.automateos.server.cli;

import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every client command takes. Each command group mixes them in once with
 * {@code scope = INHERIT}, so they work before or after the subcommand's name.
 */
final class ClientOptions {

    enum Output {
        TABLE, JSON;

        // Help, errors and shell completion show this; the parser accepts any case.
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Server address. Default: $AUTOMATEOS_URL, else the server you logged in to, "
                    + "else " + Urls.DEFAULT + ".")
    String url;

    @Option(names = "--output", paramLabel = "table|json", scope = ScopeType.INHERIT,
            description = "table (default): aligned columns for people; json: the server's JSON, for scripts.")
    Output output = Output.TABLE;
}
