package dev.automateos.nodes.http;

import dev.automateos.engine.node.NodeFailure;

/**
 * Why an HTTP Request step failed. The message is meant for the execution history: it names the
 * method, the URL without its query, and the cause, and never contains a credential value.
 * {@link #retryable()} says whether the same request may succeed later (a connect error, 5xx or
 * 429 after the node's own attempts ran out); the codes are listed in docs/nodes.md.
 */
public final class HttpRequestException extends NodeFailure {

    private final int status;

    private HttpRequestException(String code, String message, int status, boolean retryable) {
        super(code, message, retryable);
        this.status = status;
    }

    /** The config renders to a request that cannot be sent (URL, header, credential kind). */
    static HttpRequestException invalidRequest(String message) {
        return new HttpRequestException("invalid_request", message, 0, false);
    }

    /** The final status is outside 200-299 and the config says to fail on it. */
    static HttpRequestException status(String message, int status) {
        return new HttpRequestException("http_status", message, status, status == 429 || status >= 500);
    }

    /** The response cannot be kept: too large, or not the JSON the config asked for. */
    static HttpRequestException invalidResponse(String code, String message, int status) {
        return new HttpRequestException(code, message, status, false);
    }

    /** No response: connection, timeout or protocol failure. */
    static HttpRequestException noResponse(String code, String message, boolean retryable) {
        return new HttpRequestException(code, message, 0, retryable);
    }

    /** The final response status, or 0 when there was no response. */
    public int status() {
        return status;
    }
}
