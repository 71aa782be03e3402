package dev.automateos.server.credential;

import dev.automateos.server.crypto.MasterKey;
import dev.automateos.server.crypto.SecretBox;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Encrypts credential plaintexts bound to their row: the id, owner and type are the associated
 * data, so an encrypted value copied to another row, owner or type does not decrypt.
 */
final class CredentialCipher {

    private static final String PURPOSE = "credentials/v1";

    private final SecretBox box;

    CredentialCipher(MasterKey masterKey) {
        this.box = new SecretBox(masterKey, PURPOSE);
    }

    String fingerprint() {
        return box.fingerprint();
    }

    String encrypt(UUID id, UUID ownerId, String type, byte[] plaintext) {
        return box.seal(plaintext, associatedData(id, ownerId, type));
    }

    /** @throws dev.automateos.server.crypto.DecryptionException with a message that names the cause, never the data */
    byte[] decrypt(UUID id, UUID ownerId, String type, String encrypted) {
        return box.open(encrypted, associatedData(id, ownerId, type));
    }

    private static byte[] associatedData(UUID id, UUID ownerId, String type) {
        return ("automateos/credential|" + id + "|" + ownerId + "|" + type).getBytes(StandardCharsets.UTF_8);
    }
}
