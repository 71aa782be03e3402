package dev.automateos.server.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.server.crypto.DecryptionException;
import dev.automateos.server.crypto.MasterKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Rotation on a database of its own: rotating the shared test database would break every other test. */
class CredentialKeyRotationTest {

    private final MasterKey oldKey = new MasterKey(MasterKey.generate(), "old");
    private final MasterKey newKey = new MasterKey(MasterKey.generate(), "new");
    private JdbcClient jdbc;
    private CredentialKeyRotation rotation;
    private UUID owner;

    @BeforeEach
    void database() {
        var dataSource = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:rotation-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        rotation = new CredentialKeyRotation(jdbc, new DataSourceTransactionManager(dataSource));
        owner = CredentialRows.insertUser(jdbc);
    }

    private UUID insert(MasterKey key, CredentialData value) {
        return CredentialRows.insert(jdbc, key, owner, value);
    }

    private CredentialData decrypt(MasterKey key, UUID id) {
        return CredentialRows.decrypt(jdbc, key, id);
    }

    private Map<String, Object> snapshot() {
        return Map.of("rows", jdbc.sql("select id, encrypted_data, key_fingerprint from credentials order by id")
                .query().listOfRows());
    }

    @Test
    void reencryptsEveryCredentialSoOnlyTheNewKeyDecryptsThem() {
        Map<UUID, CredentialData> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 450; i++) {
            CredentialData value = i % 3 == 0 ? new BasicAuthCredential("u" + i, "p" + i)
                    : i % 3 == 1 ? new ApiKeyCredential("t" + i, ApiKeyCredential.Placement.BEARER, null)
                    : new CustomHeaderCredential("X-H", "v" + i);
            values.put(insert(oldKey, value), value);
        }
        List<Integer> progress = new ArrayList<>();

        int count = rotation.reencryptAll(oldKey, newKey, progress::add);

        assertThat(count).isEqualTo(450);
        assertThat(progress).containsExactly(200, 400, 450);
        values.forEach((id, value) -> {
            assertThat(decrypt(newKey, id)).isEqualTo(value);
            assertThatThrownBy(() -> decrypt(oldKey, id)).isInstanceOfSatisfying(DecryptionException.class,
                    e -> assertThat(e.reason()).isEqualTo(DecryptionException.Reason.WRONG_KEY));
        });
        assertThat(jdbc.sql("select distinct key_fingerprint from credentials").query(String.class).list())
                .containsExactly(newKey.fingerprint());
    }

    @Test
    void aCredentialThatDoesNotDecryptStopsTheRotationAndNothingChanges() {
        for (int i = 0; i < 5; i++) {
            insert(oldKey, new BasicAuthCredential("u" + i, "p" + i));
        }
        UUID stranger = insert(new MasterKey(MasterKey.generate(), "lost"), new BasicAuthCredential("x", "y"));
        for (int i = 0; i < 5; i++) {
            insert(oldKey, new BasicAuthCredential("v" + i, "q" + i));
        }
        var before = snapshot();

        assertThatThrownBy(() -> rotation.reencryptAll(oldKey, newKey, n -> { }))
                .isInstanceOf(CredentialKeyRotation.RotationFailedException.class)
                .hasMessageContaining(stranger.toString()).hasMessageContaining("Nothing was changed");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesToRotateToTheSameKey() {
        UUID id = insert(oldKey, new BasicAuthCredential("u", "p"));
        assertThatThrownBy(() -> rotation.reencryptAll(oldKey, new MasterKey(oldKey.key().getEncoded(), "again"),
                n -> { })).isInstanceOf(CredentialKeyRotation.RotationFailedException.class);
        assertThat(decrypt(oldKey, id)).isEqualTo(new BasicAuthCredential("u", "p"));
    }

    @Test
    void anEmptyVaultRotatesTrivially() {
        assertThat(rotation.reencryptAll(oldKey, newKey, n -> { })).isZero();
    }
}
