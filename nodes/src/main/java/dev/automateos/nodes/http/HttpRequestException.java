package dev.automateos.nodes.http;

/**
 * Why an HTTP Request step failed. The message is meant for the execution history: it names the
 * method, the URL without its query, and the cause, and never contains a credential value.
 */
public final class HttpRequestException extends RuntimeException {

    private final int status;

    HttpRequestException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The final response status, or 0 when there was no response. */
    public int status() {
        return status;
    }
}
