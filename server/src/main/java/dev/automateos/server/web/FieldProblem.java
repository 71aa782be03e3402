package dev.automateos.server.web;

/**
 * One thing wrong with a request, located by a JSON Pointer ({@code /nodes/2/config/url})
 * into the body, or by the parameter name for query and path parameters.
 */
public record FieldProblem(String path, String code, String message) {
}
