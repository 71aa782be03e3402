package dev.automateos.server.auth;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is calling, as established by a JWT or an API key. Controllers take it as a method
 * argument ({@code @AuthenticationPrincipal}) and pass it to the feature's service, which uses
 * {@link #canSee(UUID)} to keep users apart.
 *
 * @param apiKeyId the key used, or {@code null} for a session token
 */
public record AuthenticatedUser(UUID id, String username, Role role, Set<Scope> scopes, UUID apiKeyId) {

    public AuthenticatedUser {
        scopes = Set.copyOf(scopes);
    }

    /** Whether this caller may read a resource owned by {@code ownerId}. */
    public boolean canSee(UUID ownerId) {
        return role.seesAll() || id.equals(ownerId);
    }

    /** Whether this caller may change a resource owned by {@code ownerId}; scopes are checked separately. */
    public boolean canChange(UUID ownerId) {
        return role == Role.ADMIN || (role != Role.OBSERVER && id.equals(ownerId));
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public Collection<GrantedAuthority> authorities() {
        return Stream.concat(Stream.of("ROLE_" + role.name()), scopes.stream().map(Scope::authority))
                .map(a -> (GrantedAuthority) new SimpleGrantedAuthority(a)).toList();
    }

    public List<String> scopeNames() {
        return scopes.stream().sorted().map(Scope::wireName).toList();
    }
}
