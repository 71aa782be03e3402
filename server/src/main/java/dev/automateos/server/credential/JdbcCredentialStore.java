package dev.automateos.server.credential;

import dev.automateos.server.store.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Credentials in the {@code credentials} table. The secret column is only ever read by {@link #findSealed}. */
@Repository
class JdbcCredentialStore {

    static final String META = "id, name, credential_type, owner_id, created_at, updated_at, last_used_at";

    /** A row with its encrypted value, for the few code paths that decrypt. */
    record Sealed(Credential meta, String encryptedData) {
    }

    /** List filters; {@code ownerId} null means every owner. {@code after} is the keyset position. */
    record Query(UUID ownerId, String type, String nameContains, Instant afterCreatedAt, UUID afterId, int limit) {
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    JdbcCredentialStore(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void insert(Credential c, String encryptedData, String keyFingerprint) {
        jdbc.sql("insert into credentials (" + META + ", encrypted_data, key_fingerprint) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.name(), c.type(), c.ownerId(), ts(c.createdAt()), ts(c.updatedAt()),
                        ts(c.lastUsedAt()), encryptedData, keyFingerprint)
                .update();
    }

    Optional<Credential> find(UUID id) {
        return jdbc.sql("select " + META + " from credentials where id = ?").param(id)
                .query(JdbcCredentialStore::map).optional();
    }

    Optional<Sealed> findSealed(UUID id) {
        return jdbc.sql("select " + META + ", encrypted_data from credentials where id = ?").param(id)
                .query((rs, row) -> new Sealed(map(rs, row), rs.getString("encrypted_data"))).optional();
    }

    List<Credential> list(Query q) {
        StringBuilder sql = new StringBuilder("select " + META + " from credentials where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.ownerId() != null) {
            sql.append(" and owner_id = ?");
            params.add(q.ownerId());
        }
        if (q.type() != null) {
            sql.append(" and credential_type = ?");
            params.add(q.type());
        }
        if (q.nameContains() != null) {
            sql.append(" and ").append(dialect.containsIgnoreCase("name"));
            params.add(SqlDialect.containsPattern(q.nameContains()));
        }
        if (q.afterCreatedAt() != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(ts(q.afterCreatedAt()));
            params.add(q.afterId());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(q.limit());
        return jdbc.sql(sql.toString()).params(params).query(JdbcCredentialStore::map).list();
    }

    /** Renames, and replaces the secret when {@code encryptedData} is not null. */
    void update(UUID id, String name, Instant updatedAt, String encryptedData, String keyFingerprint) {
        if (encryptedData == null) {
            jdbc.sql("update credentials set name = ?, updated_at = ? where id = ?")
                    .params(name, ts(updatedAt), id).update();
        } else {
            jdbc.sql("update credentials set name = ?, updated_at = ?, encrypted_data = ?, key_fingerprint = ? "
                    + "where id = ?").params(name, ts(updatedAt), encryptedData, keyFingerprint, id).update();
        }
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from credentials where id = ?").param(id).update() > 0;
    }

    /** Minute resolution is enough for "last used" and spares a write on every step that uses it. */
    void touch(UUID id, Instant now) {
        jdbc.sql("update credentials set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(ts(now), id, ts(now.minusSeconds(60))).update();
    }

    static Credential map(ResultSet rs, int row) throws SQLException {
        return new Credential(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("credential_type"),
                rs.getObject("owner_id", UUID.class), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("last_used_at")));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
