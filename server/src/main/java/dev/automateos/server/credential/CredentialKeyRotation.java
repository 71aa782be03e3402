package dev.automateos.server.credential;

import dev.automateos.server.crypto.DecryptionException;
import dev.automateos.server.crypto.MasterKey;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every credential from one master key to another, in one transaction: either every
 * row is re-encrypted, or (on any failure) none is. Meant to run offline, with the server
 * stopped; used by {@code automateos rotate-key}.
 */
public final class CredentialKeyRotation {

    private static final int BATCH = 200;

    /** Rotation stopped and rolled back; nothing was changed. */
    public static final class RotationFailedException extends RuntimeException {
        RotationFailedException(String message) {
            super(message, null, false, false);
        }
    }

    private record Row(UUID id, String name, UUID ownerId, String type, String encryptedData) {
        @Override
        public String toString() {
            return "Row[" + id + "]";
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public CredentialKeyRotation(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param progress told the running count after each batch
     * @return how many credentials were re-encrypted
     * @throws RotationFailedException when a credential does not decrypt with {@code current}, or rows
     *                                 changed underneath (a server still running); nothing is changed then
     */
    public int reencryptAll(MasterKey current, MasterKey next, IntConsumer progress) {
        CredentialCipher from = new CredentialCipher(current);
        CredentialCipher to = new CredentialCipher(next);
        if (from.fingerprint().equals(to.fingerprint())) {
            throw new RotationFailedException("The new master key is the current one (fingerprint " + to.fingerprint()
                    + "); nothing to do.");
        }
        Integer count = transaction.execute(status -> {
            int done = 0;
            UUID after = null;
            for (List<Row> batch = batchAfter(after); !batch.isEmpty(); batch = batchAfter(after)) {
                for (Row row : batch) {
                    reencrypt(row, from, to);
                    after = row.id();
                }
                done += batch.size();
                progress.accept(done);
            }
            long stale = jdbc.sql("select count(*) from credentials where key_fingerprint <> ?")
                    .param(to.fingerprint()).query(Long.class).single();
            if (stale > 0) {
                throw new RotationFailedException(stale + " credentials were written while rotating; stop the server "
                        + "and run rotate-key again. Nothing was changed.");
            }
            return done;
        });
        return count == null ? 0 : count;
    }

    private void reencrypt(Row row, CredentialCipher from, CredentialCipher to) {
        byte[] plaintext;
        try {
            plaintext = from.decrypt(row.id(), row.ownerId(), row.type(), row.encryptedData());
        } catch (DecryptionException e) {
            throw new RotationFailedException("Credential '" + row.name() + "' (" + row.id() + ") does not decrypt "
                    + "with the current master key " + from.fingerprint() + ": " + e.getMessage()
                    + " Nothing was changed.");
        }
        jdbc.sql("update credentials set encrypted_data = ?, key_fingerprint = ? where id = ?")
                .params(to.encrypt(row.id(), row.ownerId(), row.type(), plaintext), to.fingerprint(), row.id())
                .update();
    }

    private List<Row> batchAfter(UUID after) {
        String where = after == null ? "" : " where id > ?";
        var statement = jdbc.sql("select id, name, owner_id, credential_type, encrypted_data from credentials" + where
                + " order by id limit " + BATCH);
        if (after != null) {
            statement = statement.param(after);
        }
        return statement.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getObject("owner_id", UUID.class), rs.getString("credential_type"),
                rs.getString("encrypted_data"))).list();
    }
}
