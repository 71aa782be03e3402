package dev.automateos.engine.expression;

import java.time.Duration;

/**
 * How far one expression evaluation may go. An evaluation past any limit fails with an
 * {@link ExpressionException}; nothing is retried.
 *
 * @param timeout        wall-clock time per {@code {{ }}} evaluation
 * @param maxDepth       nesting depth of the evaluator (recursive functions, deep expressions)
 * @param maxOutputChars size of a result serialized as JSON, in characters
 */
public record ExpressionLimits(Duration timeout, int maxDepth, int maxOutputChars) {

    /** 100 ms, depth 200, 1 MB. */
    public static final ExpressionLimits DEFAULTS = new ExpressionLimits(Duration.ofMillis(100), 200, 1_000_000);

    public ExpressionLimits {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxDepth < 10 || maxOutputChars < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 10 and maxOutputChars positive");
        }
    }
}
