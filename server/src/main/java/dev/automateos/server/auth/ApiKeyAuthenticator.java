package dev.automateos.server.auth;

import java.util.Optional;

/**
 * Resolves a presented personal API key ({@code aos_…}) to its owner. Implementations check the
 * hash, expiry and revocation, and record the last use.
 */
public interface ApiKeyAuthenticator {

    /** The prefix every API key starts with; it tells keys from JWTs without parsing. */
    String KEY_PREFIX = "aos_";

    Optional<AuthenticatedUser> authenticate(String presentedKey);
}
