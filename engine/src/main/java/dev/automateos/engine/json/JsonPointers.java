package dev.automateos.engine.json;

/** Builds RFC 6901 JSON Pointers, escaping {@code ~} and {@code /} in property names. */
public final class JsonPointers {

    private JsonPointers() {}

    public static String append(String base, String property) {
        return base + "/" + property.replace("~", "~0").replace("/", "~1");
    }

    public static String append(String base, int index) {
        return base + "/" + index;
    }
}
