package dev.automateos.server.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * Logs in with a password (prompted without echo, or from stdin) or with an API key, and keeps
 * the result in {@code cli.json}. A password is never accepted as a flag value: flags end up in
 * shell history and in every other user's {@code ps}.
 */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Log in to an AutomateOS server and remember the session for the other commands.",
            "The password is asked for without echo, or read from stdin with --password-stdin."})
final class LoginCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL",
            description = "Server address. Default: $AUTOMATEOS_URL, else the last one used, else "
                    + Urls.DEFAULT + ".")
    String url;

    @Option(names = {"-u", "--username"}, paramLabel = "NAME", description = "Who to log in as (asked for if absent).")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from stdin (for scripts).")
    boolean passwordStdin;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Log in with an API key (aos_...) instead of a password; '-' reads it from stdin.")
    String apiKey;

    private final CliEnvironment env;

    LoginCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ConfigStore store = new ConfigStore(env.configDir());
        Optional<CliConfig> previous = store.load();
        String server = Urls.resolve(url, env.variable(CliEnvironment.URL_VARIABLE),
                previous.map(CliConfig::url).orElse(null));
        ApiClient api = new ApiClient(server, null);
        CliConfig config = apiKey != null ? withApiKey(api) : withPassword(api, previous);
        store.save(config);
        env.out().println("Logged in to " + server + " as " + Table.clean(config.username()) + ".");
        env.out().println("Credentials saved in " + store.file() + " (readable only by you).");
        return ExitCodes.OK;
    }

    private CliConfig withPassword(ApiClient api, Optional<CliConfig> previous) {
        if (passwordStdin && apiKey != null) {
            throw CliException.usage("Use either --password-stdin or --api-key, not both.");
        }
        String user = username != null ? username : askUsername(previous);
        String password = passwordStdin ? Inputs.stdinSecret(env.in(), "password")
                : Inputs.promptSecret(env.terminal(), "Password: ", "pass --password-stdin and pipe it in.");
        if (Urls.plainHttpToRemote(api.baseUrl())) {
            env.err().println("warning: sending your password over plain http to " + api.baseUrl()
                    + "; use https for servers that are not on this machine.");
        }
        var body = Json.object().put("grant_type", "password").put("username", user).put("password", password);
        ApiResponse answer = api.exchange("POST", ApiClient.TOKEN_PATH, "application/json", Json.write(body), null);
        if (!answer.ok()) {
            throw ApiErrors.fromResponse(answer);
        }
        JsonNode tokens = answer.json();
        String name = Json.text(tokens.path("user"), "username");
        return CliConfig.withTokens(api.baseUrl(), Json.text(tokens, "access_token"),
                Json.text(tokens, "refresh_token"), name.isEmpty() ? user : name);
    }

    private String askUsername(Optional<CliConfig> previous) {
        if (!env.terminal().interactive()) {
            throw CliException.usage("Missing --username (there is no terminal to ask for it).");
        }
        String suggestion = previous.map(CliConfig::username).orElse(null);
        String answer = env.terminal().readLine(suggestion == null ? "Username: " : "Username [" + suggestion + "]: ");
        String chosen = answer == null || answer.isBlank() ? suggestion : answer.trim();
        if (chosen == null) {
            throw CliException.input("No username entered.");
        }
        return chosen;
    }

    private CliConfig withApiKey(ApiClient api) {
        String key = "-".equals(apiKey) ? Inputs.stdinSecret(env.in(), "API key") : apiKey.trim();
        ApiResponse answer = api.exchange("GET", "/api/v1/auth/me", null, null, key);
        if (!answer.ok()) {
            throw ApiErrors.fromResponse(answer);
        }
        JsonNode me = answer.json();
        String name = Json.text(me, "username");
        if (name.isEmpty()) {
            name = Json.text(me.path("user"), "username");
        }
        return CliConfig.withApiKey(api.baseUrl(), key, name);
    }
}
