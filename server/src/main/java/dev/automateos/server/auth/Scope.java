package dev.automateos.server.auth;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a credential (session or API key) may do: read, change, or run things. */
public enum Scope {
    READ, WRITE, EXECUTE;

    /** The lower-case name used in JSON, the database and tokens. */
    @JsonValue
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
