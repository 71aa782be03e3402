package dev.automateos.engine.node;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A failure a node type classifies itself: a deliberate stop ({@code core.stop_error}), a refused
 * input, a remote answer that will not change on retry. The engine records {@link #code()} and the
 * message on the step, and retries the step (within its retry policy) only when {@link #retryable()}.
 * Any other exception thrown by {@code execute} is an unclassified failure.
 *
 * <p>The message is shown to the workflow's owner and stored in the execution: never put secrets in it.
 */
public class NodeFailure extends RuntimeException {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final String code;
    private final boolean retryable;

    /**
     * @param code      stable snake_case code, e.g. {@code invalid_regex}, {@code stopped}
     * @param message   a sentence a person can act on
     * @param retryable whether running the step again may succeed
     */
    public NodeFailure(String code, String message, boolean retryable) {
        super(Objects.requireNonNull(message, "message"));
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a failure code is snake_case, 1 to 64 characters: " + code);
        }
        this.code = code;
        this.retryable = retryable;
    }

    /** A failure that a retry cannot fix: bad config, bad input, a deliberate stop. */
    public static NodeFailure permanent(String code, String message) {
        return new NodeFailure(code, message, false);
    }

    /** A failure that may pass on a later attempt: a timeout, an overloaded remote service. */
    public static NodeFailure retryable(String code, String message) {
        return new NodeFailure(code, message, true);
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
