package dev.automateos.server.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain {@code java.net.http} client for the REST API. Sends the session's credential, and when
 * an access token has expired refreshes the pair once and retries once, so a user only logs in
 * again when the refresh token itself is gone.
 */
final class ApiClient {

    static final String TOKEN_PATH = "/api/v1/auth/token";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final String USER_AGENT = "automateos-cli/" + VersionProvider.version();

    private final String baseUrl;
    private final Session session;

    /** {@code session} may be null for the calls that need no credential (log-in, log-out). */
    ApiClient(String baseUrl, Session session) {
        this.baseUrl = baseUrl;
        this.session = session;
    }

    String baseUrl() {
        return baseUrl;
    }

    ApiResponse get(String path) {
        return send("GET", path, null, null);
    }

    ApiResponse sendJson(String method, String path, Object body) {
        return send(method, path, "application/json", Json.write(body));
    }

    /** Sends with the session's credential; a non-2xx answer becomes a {@link CliException}. */
    ApiResponse send(String method, String path, String contentType, String body) {
        ApiResponse response = exchange(method, path, contentType, body, bearer());
        if (response.status() == 401 && "token_expired".equals(response.problemCode()) && session.canRefresh()) {
            refresh();
            response = exchange(method, path, contentType, body, bearer());
        }
        if (!response.ok()) {
            throw ApiErrors.fromResponse(response);
        }
        return response;
    }

    /**
     * GETs an event stream and returns its lines as they arrive (no overall timeout: the server
     * sends heartbeats). Token refresh and error mapping work as in {@link #send}; close the stream.
     */
    java.util.stream.Stream<String> eventLines(String path) {
        HttpResponse<java.util.stream.Stream<String>> response = openLines(path);
        if (response.statusCode() == 401 && session.canRefresh()) {
            String body = String.join("\n", response.body().toList());
            var answer = new ApiResponse(401, response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("X-Request-Id").orElse(null), body);
            if (!"token_expired".equals(answer.problemCode())) {
                throw ApiErrors.fromResponse(answer);
            }
            refresh();
            response = openLines(path);
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw ApiErrors.fromResponse(new ApiResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("X-Request-Id").orElse(null),
                    String.join("\n", response.body().toList())));
        }
        return response.body();
    }

    private HttpResponse<java.util.stream.Stream<String>> openLines(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/event-stream, application/problem+json")
                .header("User-Agent", USER_AGENT)
                .GET();
        if (bearer() != null) {
            request.header("Authorization", "Bearer " + bearer());
        }
        try {
            return Holder.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw ApiErrors.unreachable(baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILURE, "Interrupted.");
        }
    }

    private void refresh() {
        if (session.adoptNewerStoredToken()) {
            return;
        }
        var body = Json.object().put("grant_type", "refresh_token").put("refresh_token", session.refreshToken());
        ApiResponse answer = exchange("POST", TOKEN_PATH, "application/json", Json.write(body), null);
        if (!answer.ok()) {
            CliException cause = ApiErrors.fromResponse(answer);
            throw new CliException(ExitCodes.AUTH, "Your session has expired: run 'automateos login'.",
                    cause.details());
        }
        var tokens = answer.json();
        session.storeTokens(Json.text(tokens, "access_token"), tokens.path("refresh_token").isString()
                ? tokens.path("refresh_token").asString() : null);
    }

    private String bearer() {
        return session == null ? null : session.bearer();
    }

    /** One round trip, no error mapping except for a server that cannot be reached at all. */
    ApiResponse exchange(String method, String path, String contentType, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json, */*;q=0.5")
                .header("User-Agent", USER_AGENT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = Holder.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("X-Request-Id").orElse(null), response.body());
        } catch (IOException e) {
            throw ApiErrors.unreachable(baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILURE, "Interrupted.");
        }
    }

    /** One client per JVM: its selector thread and connection pool are worth sharing between calls in tests. */
    private static final class Holder {
        // Redirects are not followed: the Authorization header must not travel to another host.
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
