package dev.automateos.server.auth;

import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.FieldProblem;
import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Personal API keys, and keys an admin issues for service accounts. A key's scopes never exceed
 * what its creator holds, so neither an observer nor a read-only key can mint a stronger key.
 */
@Service
class ApiKeyService {

    /** Active keys per user; a guard against runaway scripts, far above any real need. */
    static final int MAX_ACTIVE_KEYS = 100;
    private static final int PREFIX_LENGTH = 12;

    /**
     * {@code expires_at} is parsed here rather than by Jackson, so that a malformed time gets a
     * field error at {@code /expires_at} (ISO-8601 with a zone, e.g. {@code 2030-01-01T00:00:00Z}).
     */
    record CreateRequest(String name, List<Scope> scopes, String expiresAt) {
    }

    private final JdbcApiKeyStore keys;
    private final JdbcUserStore users;
    private final Clock clock;

    ApiKeyService(JdbcApiKeyStore keys, JdbcUserStore users, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.clock = clock;
    }

    Page<ApiKeyView> list(UUID userId, PageRequest page) {
        return keys.list(userId, page);
    }

    ApiKeyView createOwn(AuthenticatedUser me, CreateRequest request) {
        return create(me.id(), request, me.scopes());
    }

    /** An admin issues a key for a service account; other accounts make their own keys. */
    ApiKeyView createForServiceAccount(UUID userId, CreateRequest request) {
        User owner = users.findById(userId).orElseThrow(() -> ApiException.notFound("The user"));
        if (owner.role() != Role.API) {
            throw ApiException.conflict("not_a_service_account", "Keys can be issued only for accounts with the role "
                    + "api; other users create their own keys.");
        }
        return create(userId, request, owner.role().sessionScopes());
    }

    void revoke(UUID userId, UUID keyId) {
        if (!keys.revoke(userId, keyId, clock.instant())) {
            throw ApiException.notFound("The API key");
        }
    }

    private ApiKeyView create(UUID ownerId, CreateRequest request, Set<Scope> allowed) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String name = request.name() == null ? null : request.name().trim();
        Instant expiresAt = parseExpiry(request.expiresAt(), now);
        List<Scope> scopes = check(name, request, allowed);
        if (keys.countActive(ownerId, now) >= MAX_ACTIVE_KEYS) {
            throw new ApiException(HttpStatus.CONFLICT, "too_many_api_keys", "This account already has "
                    + MAX_ACTIVE_KEYS + " active API keys; revoke some first.");
        }
        String secret = ApiKeyAuthenticator.KEY_PREFIX + TokenHashes.newSecret();
        ApiKeyView key = new ApiKeyView(UUID.randomUUID(), name, secret.substring(0, PREFIX_LENGTH), scopes, now,
                expiresAt, null, null);
        keys.insert(ownerId, key, TokenHashes.sha256(secret));
        return key.withKey(secret);
    }

    private static Instant parseExpiry(String text, Instant now) {
        if (text == null) {
            return null;
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(text).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeException e) {
            throw ApiException.invalidField("/expires_at", "invalid_value",
                    "expires_at must be an ISO-8601 time with a zone, e.g. 2030-01-01T00:00:00Z.");
        }
        if (!expiresAt.isAfter(now)) {
            throw ApiException.invalidField("/expires_at", "in_past", "The expiry must be in the future.");
        }
        return expiresAt;
    }

    private static List<Scope> check(String name, CreateRequest request, Set<Scope> allowed) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isEmpty()) {
            problems.add(new FieldProblem("/name", "required", "Give the key a name, e.g. where it is used."));
        } else if (name.length() > 100) {
            problems.add(new FieldProblem("/name", "too_long", "A key name has at most 100 characters."));
        }
        List<Scope> scopes = request.scopes() == null ? List.of() : request.scopes();
        if (scopes.isEmpty()) {
            problems.add(new FieldProblem("/scopes", "required", "List at least one scope: read, write or execute."));
        }
        for (int i = 0; i < scopes.size(); i++) {
            if (scopes.get(i) == null || !allowed.contains(scopes.get(i))) {
                problems.add(new FieldProblem("/scopes/" + i, "scope_not_allowed", "You may grant only scopes you "
                        + "hold yourself: " + allowed.stream().sorted().map(Scope::wireName).toList() + "."));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        EnumSet<Scope> distinct = EnumSet.copyOf(scopes);
        return List.copyOf(distinct);
    }
}
