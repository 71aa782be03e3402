package dev.automateos.server.credential;

import dev.automateos.server.crypto.MasterKey;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes and reads credential rows directly, for tests of code that runs without the server (rotate-key). */
public final class CredentialRows {

    private static final CredentialTypes TYPES = new CredentialTypes();

    private CredentialRows() {
    }

    public static UUID insertUser(JdbcClient jdbc) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, username, role, created_at, updated_at) values (?, ?, 'user', ?, ?)")
                .params(id, "owner-" + id, now, now).update();
        return id;
    }

    public static UUID insert(JdbcClient jdbc, MasterKey key, UUID owner, CredentialData value) {
        UUID id = UUID.randomUUID();
        String type = value.getClass().getAnnotation(CredentialType.class).value();
        CredentialCipher cipher = new CredentialCipher(key);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into credentials (id, owner_id, name, credential_type, encrypted_data, key_fingerprint, "
                        + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, owner, "c-" + id, type, cipher.encrypt(id, owner, type, TYPES.toJson(value)),
                        cipher.fingerprint(), now, now)
                .update();
        return id;
    }

    /** @throws dev.automateos.server.crypto.DecryptionException when {@code key} does not open the row */
    public static CredentialData decrypt(JdbcClient jdbc, MasterKey key, UUID id) {
        return jdbc.sql("select owner_id, credential_type, encrypted_data from credentials where id = ?").param(id)
                .query((rs, n) -> TYPES.fromJson(rs.getString(2), new CredentialCipher(key).decrypt(id,
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))))
                .single();
    }
}
