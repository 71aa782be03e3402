package dev.automateos.engine.json;

import tools.jackson.databind.JsonNode;

/**
 * One difference between two JSON documents.
 *
 * @param op       {@code add}, {@code remove} or {@code replace}
 * @param path     RFC 6901 JSON Pointer
 * @param oldValue the value before, or {@code null} for {@code add}
 * @param newValue the value after, or {@code null} for {@code remove}
 */
public record JsonChange(String op, String path, JsonNode oldValue, JsonNode newValue) {}
