package dev.automateos.engine.execution;

/**
 * Spreads retries so that many executions failing together do not retry together. A function, not
 * a random source, so that the same events always give the same state: replaying an execution's
 * events reproduces its timers exactly.
 */
@FunctionalInterface
public interface Jitter {

    /** A fraction in [0, 1] for this retry; 1 means the full back-off delay, 0 half of it. */
    double fraction(String executionId, String stepId, int attempt);

    /** Deterministic, well spread: a hash of the execution, the step and the attempt. */
    static Jitter hashed() {
        return (executionId, stepId, attempt) -> {
            long h = 1125899906842597L;
            for (char c : (executionId + '\u0000' + stepId + '\u0000' + attempt).toCharArray()) {
                h = 31 * h + c;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return (h >>> 11) / (double) (1L << 53);
        };
    }

    /** No jitter: always the full back-off. For tests that check exact times. */
    static Jitter none() {
        return (executionId, stepId, attempt) -> 1.0;
    }
}
