package dev.automateos.nodes.transform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dotted paths into nested objects: {@code customer.email} is the field {@code email} of the object
 * in {@code customer}. Arrays are not entered, and a name containing a dot cannot be addressed.
 */
final class FieldPaths {

    private FieldPaths() {}

    /** Removes the field at {@code path} and returns its value, or null when there is none. */
    static JsonNode remove(ObjectNode root, String path) {
        String[] names = path.split("\\.");
        ObjectNode parent = parent(root, names, false);
        return parent == null ? null : parent.remove(names[names.length - 1]);
    }

    /** Sets the field at {@code path}, creating the objects on the way; a non-object on the way is replaced. */
    static void put(ObjectNode root, String path, JsonNode value) {
        String[] names = path.split("\\.");
        parent(root, names, true).set(names[names.length - 1], value);
    }

    private static ObjectNode parent(ObjectNode root, String[] names, boolean create) {
        ObjectNode current = root;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode next = current.get(names[i]);
            if (next instanceof ObjectNode object) {
                current = object;
            } else if (create) {
                current = current.putObject(names[i]);
            } else {
                return null;
            }
        }
        return current;
    }
}
