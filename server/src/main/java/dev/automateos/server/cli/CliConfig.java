package dev.automateos.server.cli;

/**
 * What {@code login} remembers in {@code cli.json}: the server and one credential, either a
 * token pair or an API key. Secrets live only in this file, which only its owner can read.
 */
record CliConfig(String url, String accessToken, String refreshToken, String apiKey, String username) {

    static CliConfig withTokens(String url, String accessToken, String refreshToken, String username) {
        return new CliConfig(url, accessToken, refreshToken, null, username);
    }

    static CliConfig withApiKey(String url, String apiKey, String username) {
        return new CliConfig(url, null, null, apiKey, username);
    }

    boolean loggedIn() {
        return accessToken != null || apiKey != null;
    }

    CliConfig refreshed(String newAccessToken, String newRefreshToken) {
        return new CliConfig(url, newAccessToken, newRefreshToken != null ? newRefreshToken : refreshToken, apiKey,
                username);
    }

    /** Keeps the server address, so the next {@code login} needs no {@code --url}. */
    CliConfig withoutSecrets() {
        return new CliConfig(url, null, null, null, null);
    }
}
