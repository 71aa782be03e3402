package dev.automateos.server.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Revokes the refresh token on the server (best effort: a server that is down must not keep
 * secrets on disk) and deletes every stored secret. The server address is kept for the next login.
 */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Log out: revoke the session on the server and delete the stored tokens or key.")
final class LogoutCommand implements Callable<Integer> {

    private final CliEnvironment env;

    LogoutCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ConfigStore store = new ConfigStore(env.configDir());
        Optional<CliConfig> stored = store.load();
        if (stored.isEmpty() || !stored.get().loggedIn()) {
            env.out().println("Not logged in.");
            return ExitCodes.OK;
        }
        CliConfig config = stored.get();
        store.save(config.withoutSecrets());
        if (config.refreshToken() != null) {
            revoke(config);
        }
        env.out().println("Logged out of " + config.url() + "; stored credentials deleted.");
        if (config.apiKey() != null) {
            env.out().println("The API key itself stays valid until you revoke it "
                    + "('automateos api-keys revoke <id>').");
        }
        return ExitCodes.OK;
    }

    private void revoke(CliConfig config) {
        try {
            var body = Json.object().put("refresh_token", config.refreshToken());
            new ApiClient(Urls.normalize(config.url()), null).exchange("POST", "/api/v1/auth/logout",
                    "application/json", Json.write(body), config.accessToken());
        } catch (CliException unreachable) {
            env.err().println("warning: could not tell the server (" + unreachable.getMessage()
                    + "); the refresh token stays valid on the server until it expires.");
        }
    }
}
