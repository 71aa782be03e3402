package dev.automateos.server.credential;

import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Credential metadata CRUD with ownership checks; secrets go in encrypted and never come out here. */
@Service
class CredentialService {

    private final JdbcCredentialStore store;
    private final CredentialTypes types;
    private final CredentialCipher cipher;
    private final Clock clock;

    CredentialService(JdbcCredentialStore store, CredentialTypes types, CredentialCipher cipher, Clock clock) {
        this.store = store;
        this.types = types;
        this.cipher = cipher;
        this.clock = clock;
    }

    Page<Credential> list(AuthenticatedUser me, Integer limit, String cursor, String type, String name, UUID ownerId) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        if (type != null && types.find(type).isEmpty()) {
            throw ApiException.invalidField("type", "unknown_credential_type", "There is no credential type '" + type
                    + "'; GET /api/v1/credential-types lists them.");
        }
        UUID owner = me.role().seesAll() ? ownerId : me.id();
        if (ownerId != null && !ownerId.equals(owner)) {
            return new Page<>(List.of(), null);
        }
        Instant afterCreatedAt = null;
        UUID afterId = null;
        if (!page.first()) {
            try {
                afterCreatedAt = Instant.parse(page.after().get(0));
                afterId = UUID.fromString(page.after().get(1));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ApiException.invalidField("cursor", "invalid_cursor",
                        "The cursor is not valid; use the next_cursor value of the previous page as it is.");
            }
        }
        var rows = store.list(new JdbcCredentialStore.Query(owner, type, blankToNull(name), afterCreatedAt, afterId,
                page.fetchSize()));
        return Page.fromOverfetch(rows, page.limit(),
                c -> PageRequest.encode(c.createdAt().toString(), c.id().toString()));
    }

    Credential get(AuthenticatedUser me, UUID id) {
        return store.find(id).filter(c -> me.canSee(c.ownerId())).orElseThrow(CredentialService::notFound);
    }

    @Transactional
    Credential create(AuthenticatedUser me, CredentialRequests.Create request) {
        CredentialData value = types.parse(request.type(), request.data());
        Instant now = now();
        Credential credential = new Credential(UUID.randomUUID(), request.name(), request.type(), me.id(), now, now,
                null);
        String sealed = cipher.encrypt(credential.id(), me.id(), credential.type(), types.toJson(value));
        try {
            store.insert(credential, sealed, cipher.fingerprint());
        } catch (DuplicateKeyException e) {
            throw nameTaken(request.name());
        }
        return credential;
    }

    @Transactional
    Credential update(AuthenticatedUser me, UUID id, CredentialRequests.Update request) {
        Credential current = changeable(me, id);
        String sealed = null;
        if (request.data() != null) {
            CredentialData value = types.parse(current.type(), request.data());
            sealed = cipher.encrypt(id, current.ownerId(), current.type(), types.toJson(value));
        }
        Instant now = now();
        try {
            store.update(id, request.name(), now, sealed, cipher.fingerprint());
        } catch (DuplicateKeyException e) {
            throw nameTaken(request.name());
        }
        return new Credential(id, request.name(), current.type(), current.ownerId(), current.createdAt(), now,
                current.lastUsedAt());
    }

    @Transactional
    void delete(AuthenticatedUser me, UUID id) {
        changeable(me, id);
        store.delete(id);
    }

    private Credential changeable(AuthenticatedUser me, UUID id) {
        Credential current = get(me, id);
        if (!me.canChange(current.ownerId())) {
            throw ApiException.forbidden("forbidden", "You may read this credential but not change it.");
        }
        return current;
    }

    // The database keeps microseconds; trimming here keeps create responses equal to later reads.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static ApiException notFound() {
        return ApiException.notFound("The credential");
    }

    private static ApiException nameTaken(String name) {
        return ApiException.conflict("credential_name_taken", "The owner already has a credential named '" + name
                + "'; choose another name.");
    }
}
