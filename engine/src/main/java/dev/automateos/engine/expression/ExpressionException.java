package dev.automateos.engine.expression;

/** A template or expression that does not parse or cannot be evaluated. The message is meant for a person. */
public class ExpressionException extends RuntimeException {

    public ExpressionException(String message) {
        super(message);
    }

    public ExpressionException(String message, Throwable cause) {
        super(message, cause);
    }
}
