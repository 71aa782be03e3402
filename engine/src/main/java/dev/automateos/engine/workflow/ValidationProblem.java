package dev.automateos.engine.workflow;

/**
 * One problem found in a workflow document.
 *
 * @param path    RFC 6901 JSON Pointer into the validated document ({@code ""} is the whole document)
 * @param code    stable snake_case code, listed in {@code docs/workflow-format.md}
 * @param message a sentence a person can act on
 */
public record ValidationProblem(String path, String code, String message) {}
