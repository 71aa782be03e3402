package dev.automateos.server.cli;

/**
 * The credential a client command sends, and where a refreshed token pair is kept. A key from
 * {@code $AUTOMATEOS_API_KEY} is used as it is and never written anywhere.
 */
final class Session {

    private final ConfigStore store;
    private CliConfig config;

    private Session(ConfigStore store, CliConfig config) {
        this.store = store;
        this.config = config;
    }

    static Session stored(ConfigStore store, CliConfig config) {
        return new Session(store, config);
    }

    static Session apiKey(String key) {
        return new Session(null, CliConfig.withApiKey(null, key, null));
    }

    String bearer() {
        return config.apiKey() != null ? config.apiKey() : config.accessToken();
    }

    boolean canRefresh() {
        return store != null && config.apiKey() == null && config.refreshToken() != null;
    }

    String refreshToken() {
        return config.refreshToken();
    }

    /**
     * Another CLI process may have refreshed the pair since this one read it; using its new token
     * avoids spending the (rotating) refresh token twice. True when a newer token was adopted.
     */
    boolean adoptNewerStoredToken() {
        CliConfig stored = store.load().orElse(null);
        if (stored == null || stored.accessToken() == null || stored.accessToken().equals(config.accessToken())) {
            return false;
        }
        config = stored;
        return true;
    }

    void storeTokens(String accessToken, String refreshToken) {
        config = config.refreshed(accessToken, refreshToken);
        store.save(config);
    }
}
