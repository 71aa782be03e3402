package dev.automateos.engine.expression;

/**
 * A template or expression that does not parse or cannot be evaluated. The message is meant for a
 * person and names the expression; the engine adds the node. {@link #position()} locates the
 * problem in the template when it is known.
 */
public class ExpressionException extends RuntimeException {

    private final int position;

    public ExpressionException(String message) {
        this(message, 0, null);
    }

    public ExpressionException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    /** @param position 1-based character in the template where the problem is, 0 when unknown */
    public ExpressionException(String message, int position, Throwable cause) {
        super(message, cause);
        this.position = Math.max(0, position);
    }

    /** 1-based character in the template near the problem; 0 when unknown. */
    public int position() {
        return position;
    }
}
