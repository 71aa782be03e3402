package dev.automateos.server.auth;

import static dev.automateos.server.auth.JdbcUserStore.instant;
import static dev.automateos.server.auth.JdbcUserStore.ts;

import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys in {@code api_keys}: hash, display prefix and scopes; revoked keys stay as a record. */
@Repository
class JdbcApiKeyStore {

    private static final String COLUMNS = "id, name, prefix, scopes, created_at, expires_at, last_used_at";

    private final JdbcClient jdbc;

    JdbcApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID userId, ApiKeyView key, String keyHash) {
        jdbc.sql("insert into api_keys (id, user_id, name, prefix, key_hash, scopes, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(key.id(), userId, key.name(), key.prefix(), keyHash, wire(key.scopes()), ts(key.createdAt()),
                        ts(key.expiresAt()))
                .update();
    }

    /** The user's keys that are not revoked (expired ones included), newest first. */
    Page<ApiKeyView> list(UUID userId, PageRequest page) {
        String sql = "select " + COLUMNS + " from api_keys where user_id = ? and revoked_at is null"
                + (page.first() ? "" : " and (created_at, id) < (?, ?)")
                + " order by created_at desc, id desc fetch first " + page.fetchSize() + " rows only";
        var statement = jdbc.sql(sql).param(userId);
        if (!page.first()) {
            statement = statement.param(ts(cursorTime(page))).param(cursorId(page));
        }
        List<ApiKeyView> rows = statement.query(JdbcApiKeyStore::map).list();
        return Page.fromOverfetch(rows, page.limit(), k -> PageRequest.encode(k.createdAt().toString(), k.id().toString()));
    }

    static Instant cursorTime(PageRequest page) {
        try {
            return Instant.parse(page.after().get(0));
        } catch (java.time.DateTimeException e) {
            throw badCursor();
        }
    }

    static UUID cursorId(PageRequest page) {
        try {
            return UUID.fromString(page.after().get(1));
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
    }

    private static dev.automateos.server.web.ApiException badCursor() {
        return dev.automateos.server.web.ApiException.invalidField("cursor", "invalid_cursor",
                "The cursor is not valid; use the next_cursor value of the previous page as it is.");
    }

    long countActive(UUID userId, Instant now) {
        return jdbc.sql("select count(*) from api_keys where user_id = ? and revoked_at is null "
                        + "and (expires_at is null or expires_at > ?)")
                .params(userId, ts(now)).query(Long.class).single();
    }

    boolean revoke(UUID userId, UUID keyId, Instant now) {
        return jdbc.sql("update api_keys set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
                .params(ts(now), keyId, userId).update() == 1;
    }

    private static ApiKeyView map(ResultSet rs, int row) throws SQLException {
        List<Scope> scopes = Arrays.stream(rs.getString("scopes").split(",")).filter(s -> !s.isBlank())
                .map(Scope::fromWire).sorted().toList();
        return new ApiKeyView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"), scopes,
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")), null);
    }

    private static String wire(List<Scope> scopes) {
        return String.join(",", scopes.stream().map(Scope::wireName).toList());
    }
}
