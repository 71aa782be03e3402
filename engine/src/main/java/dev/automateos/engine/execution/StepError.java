package dev.automateos.engine.execution;

import java.util.Objects;

/**
 * Why a step or an execution failed.
 *
 * @param code      stable snake_case code, listed in {@code docs/engine.md} (e.g. {@code expression_failed})
 * @param message   a sentence a person can act on; never holds secrets
 * @param retryable whether trying the same step again may succeed (a network error) or not (a bad expression)
 */
public record StepError(String code, String message, boolean retryable) {

    public StepError {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
    }
}
