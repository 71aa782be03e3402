package dev.automateos.engine.node;

/**
 * One way a config breaks its node type's schema.
 *
 * @param pointer RFC 6901 JSON Pointer relative to the config object ({@code ""} is the config itself)
 * @param message a sentence a person can act on
 */
public record ConfigViolation(String pointer, String message) {}
