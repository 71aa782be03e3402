package dev.automateos.server.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns what went wrong on the wire into a message a person can act on and an exit code a
 * script can branch on: 401/403 are auth (4), other 4xx rejected (5), 5xx and no answer server (6).
 */
final class ApiErrors {

    private static final Set<String> LOG_IN_AGAIN = Set.of("unauthenticated", "invalid_token", "token_expired",
            "invalid_api_key");

    private ApiErrors() {
    }

    static int exitCode(int status) {
        if (status == 401 || status == 403) {
            return ExitCodes.AUTH;
        }
        if (status >= 400 && status < 500) {
            return ExitCodes.REJECTED;
        }
        return status >= 500 ? ExitCodes.SERVER : ExitCodes.FAILURE;
    }

    static CliException fromResponse(ApiResponse response) {
        JsonNode problem = problemOf(response);
        String detail = Json.text(problem, "detail");
        if (detail.isBlank()) {
            detail = "The server answered HTTP " + response.status() + ".";
        }
        List<String> details = new ArrayList<>();
        problem.path("errors").forEach(error -> details.add(fieldError(error)));
        if (response.status() == 401 && LOG_IN_AGAIN.contains(Json.text(problem, "code"))) {
            details.add("Run 'automateos login' to log in again.");
        }
        String requestId = Json.text(problem, "request_id");
        if (requestId.isBlank() && response.requestId() != null) {
            requestId = response.requestId();
        }
        if (!requestId.isBlank()) {
            details.add("request id: " + requestId);
        }
        return new CliException(exitCode(response.status()), detail, details);
    }

    static String fieldError(JsonNode error) {
        String path = Json.text(error, "path");
        return (path.isEmpty() ? "/" : path) + ": " + Json.text(error, "message");
    }

    /** "Cannot reach http://…: connection refused", with the reason the JDK hides in its cause chain. */
    static CliException unreachable(String url, IOException failure) {
        String reason;
        if (failure instanceof HttpConnectTimeoutException) {
            reason = "connection timed out";
        } else if (failure instanceof HttpTimeoutException) {
            return new CliException(ExitCodes.SERVER, "The server at " + url + " did not answer in time.");
        } else if (causedBy(failure, UnresolvedAddressException.class)) {
            reason = "unknown host";
        } else if (failure instanceof ConnectException) {
            reason = "connection refused";
        } else {
            reason = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        }
        return new CliException(ExitCodes.SERVER, "Cannot reach " + url + ": " + reason + ".",
                List.of("Is the server running? Start it with 'automateos server', or pass --url."));
    }

    private static JsonNode problemOf(ApiResponse response) {
        if (response.contentType() != null && response.contentType().contains("json")) {
            try {
                return Json.MAPPER.readTree(response.body());
            } catch (RuntimeException notJson) {
                // fall through: a proxy's HTML error page, for example
            }
        }
        return Json.object();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
