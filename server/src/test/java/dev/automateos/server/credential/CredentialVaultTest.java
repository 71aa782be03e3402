package dev.automateos.server.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.server.auth.Role;
import dev.automateos.server.crypto.DecryptionException;
import dev.automateos.server.crypto.MasterKey;
import dev.automateos.server.support.ApiTest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CredentialVaultTest extends ApiTest {

    @Autowired
    CredentialVault vault;

    @Autowired
    CredentialTypes types;

    @Autowired
    MasterKey masterKey;

    @Autowired
    JdbcClient jdbc;

    private UUID create(TestUser user, String name, String type, Map<String, ?> data) {
        return UUID.fromString(http.post("/api/v1/credentials").token(user.token())
                .body(Map.of("name", name, "type", type, "data", data)).send().expectStatus(201).json()
                .path("id").asString());
    }

    private UUID basic(TestUser user, String name) {
        return create(user, name, "basic_auth", Map.of("username", "ann", "password", "pw-" + name));
    }

    private String stored(UUID id) {
        return jdbc.sql("select encrypted_data from credentials where id = ?").param(id).query(String.class).single();
    }

    private void store(UUID id, String encrypted) {
        jdbc.sql("update credentials set encrypted_data = ? where id = ?").params(encrypted, id).update();
    }

    private CredentialUnavailableException failure(UUID id, UUID owner) {
        try {
            vault.resolve(id, owner);
        } catch (CredentialUnavailableException e) {
            return e;
        }
        throw new AssertionError("expected resolve to fail");
    }

    @Test
    void resolvesTheDecryptedTypedValueAndRecordsItsUse() {
        var user = newUser(Role.USER);
        UUID id = basic(user, "Mailbox");
        assertThat(http.get("/api/v1/credentials/" + id).token(user.token()).send().json().path("last_used_at")
                .isNull()).isTrue();

        assertThat(vault.resolve(id, user.id())).isEqualTo(new BasicAuthCredential("ann", "pw-Mailbox"));
        BasicAuthCredential typed = vault.resolve(id, user.id(), BasicAuthCredential.class);
        assertThat(typed.password()).isEqualTo("pw-Mailbox");

        assertThat(http.get("/api/v1/credentials/" + id).token(user.token()).send().json().path("last_used_at")
                .isString()).isTrue();
    }

    @Test
    void anotherOwnersCredentialResolvesLikeAMissingOne() {
        var ann = newUser(Role.USER);
        var eve = newUser(Role.USER);
        UUID id = basic(ann, "Ann's");
        var stolen = failure(id, eve.id());
        var missing = failure(UUID.randomUUID(), eve.id());
        assertThat(stolen.reason()).isEqualTo(CredentialUnavailableException.Reason.NOT_FOUND);
        assertThat(missing.reason()).isEqualTo(CredentialUnavailableException.Reason.NOT_FOUND);
        assertThat(stolen.getMessage()).doesNotContain("pw-").doesNotContain("Ann's");
        assertThat(http.get("/api/v1/credentials/" + id).token(ann.token()).send().json().path("last_used_at")
                .isNull()).isTrue();
    }

    @Test
    void refusesACredentialOfAnotherTypeThanTheCallerNeeds() {
        var user = newUser(Role.USER);
        UUID id = basic(user, "Not a key");
        assertThatThrownBy(() -> vault.resolve(id, user.id(), ApiKeyCredential.class))
                .isInstanceOfSatisfying(CredentialUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(CredentialUnavailableException.Reason.WRONG_TYPE))
                .hasMessageContaining("api_key");
    }

    @Test
    void ciphertextCopiedFromAnotherRowFailsWithAClearError() {
        var user = newUser(Role.USER);
        UUID source = basic(user, "Source");
        UUID target = basic(user, "Target");
        store(target, stored(source));
        var e = failure(target, user.id());
        assertThat(e.reason()).isEqualTo(CredentialUnavailableException.Reason.UNREADABLE);
        assertThat(e.getMessage()).contains("integrity check").doesNotContain("pw-");
        assertThat(((DecryptionException) e.getCause()).reason()).isEqualTo(DecryptionException.Reason.TAMPERED);
    }

    @Test
    void modifiedCiphertextFailsWithAClearError() {
        var user = newUser(Role.USER);
        UUID id = basic(user, "Flipped");
        byte[] envelope = Base64.getDecoder().decode(stored(id));
        envelope[envelope.length - 1] ^= 0x40;
        store(id, Base64.getEncoder().encodeToString(envelope));
        var e = failure(id, user.id());
        assertThat(((DecryptionException) e.getCause()).reason()).isEqualTo(DecryptionException.Reason.TAMPERED);
    }

    @Test
    void ciphertextFromAnotherMasterKeyNamesBothKeys() {
        var user = newUser(Role.USER);
        UUID id = basic(user, "Old key");
        MasterKey other = new MasterKey(MasterKey.generate(), "other");
        byte[] json = types.toJson(new BasicAuthCredential("ann", "pw"));
        store(id, new CredentialCipher(other).encrypt(id, user.id(), "basic_auth", json));
        var e = failure(id, user.id());
        assertThat(e.reason()).isEqualTo(CredentialUnavailableException.Reason.UNREADABLE);
        assertThat(((DecryptionException) e.getCause()).reason()).isEqualTo(DecryptionException.Reason.WRONG_KEY);
        assertThat(e.getMessage()).contains(other.fingerprint()).contains(masterKey.fingerprint());
    }

    @Test
    void ciphertextBoundToAnotherOwnerDoesNotDecrypt() {
        var ann = newUser(Role.USER);
        var bob = newUser(Role.USER);
        UUID id = basic(ann, "Moved");
        jdbc.sql("update credentials set owner_id = ? where id = ?").params(bob.id(), id).update();
        var e = failure(id, bob.id());
        assertThat(((DecryptionException) e.getCause()).reason()).isEqualTo(DecryptionException.Reason.TAMPERED);
    }
}
