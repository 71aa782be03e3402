package dev.automateos.engine.expression;

import java.time.Duration;

/**
 * How far one expression evaluation may go. An evaluation past any limit fails with an
 * {@link ExpressionException}; nothing is retried.
 *
 * @param timeout        wall-clock hard stop for an evaluation that can call functions (it runs on
 *                       the evaluation pool, see {@link SandboxedEvaluation}); it catches one
 *                       built-in call doing a lot of work in a single step, which the step budget
 *                       cannot see
 * @param maxDepth       nesting depth of the evaluator (recursive functions, deep expressions)
 * @param maxOutputChars size of a result serialized as JSON, in characters
 * @param maxSteps       evaluation steps per {@code {{ }}} (each sub-expression evaluated counts
 *                       one): the main bound on work, the same whatever the machine's load
 */
public record ExpressionLimits(Duration timeout, int maxDepth, int maxOutputChars, long maxSteps) {

    /** The default step budget: roughly 0.1 s of work on one of the build machine's slow cores, once warm. */
    public static final long DEFAULT_MAX_STEPS = 500_000;

    /** 1 s hard stop, depth 200, 1 MB, 500,000 steps. */
    public static final ExpressionLimits DEFAULTS =
            new ExpressionLimits(Duration.ofSeconds(1), 200, 1_000_000, DEFAULT_MAX_STEPS);

    public ExpressionLimits {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxDepth < 10 || maxOutputChars < 1 || maxSteps < 100) {
            throw new IllegalArgumentException("maxDepth must be at least 10, maxSteps at least 100 and "
                    + "maxOutputChars positive");
        }
    }

    /** Limits with the default step budget. */
    public ExpressionLimits(Duration timeout, int maxDepth, int maxOutputChars) {
        this(timeout, maxDepth, maxOutputChars, DEFAULT_MAX_STEPS);
    }
}
