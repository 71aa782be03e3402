package dev.automateos.server.auth;

/** What a credential (session or API key) may do: read, change, or run things. */
public enum Scope {
    READ, WRITE, EXECUTE;

    public String wireName() {
        return name().toLowerCase();
    }

    public String authority() {
        return "SCOPE_" + wireName();
    }

    public static Scope fromWire(String value) {
        return Scope.valueOf(value.toUpperCase());
    }
}
