package dev.automateos.server.auth;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an account may do. {@code api} is a service account: it signs in only with API keys an
 * admin issues for it, and otherwise has a user's rights.
 */
public enum Role {
    ADMIN, USER, OBSERVER, API;

    /** The scopes a session (a log-in, not an API key) of this role holds. */
    public Set<Scope> sessionScopes() {
        return this == OBSERVER ? EnumSet.of(Scope.READ) : EnumSet.allOf(Scope.class);
    }

    /** Admins and observers see every user's resources; the others see only their own. */
    public boolean seesAll() {
        return this == ADMIN || this == OBSERVER;
    }

    /** The lower-case name used in JSON, the database and tokens. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    public static Role fromWire(String value) {
        return Role.valueOf(value.toUpperCase());
    }
}
