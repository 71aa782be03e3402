package dev.automateos.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final byte[] PLAINTEXT = "{\"token\":\"sk-live-supersecret\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROW_A = "row-a".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROW_B = "row-b".getBytes(StandardCharsets.UTF_8);

    private final MasterKey key = new MasterKey(MasterKey.generate(), "test");
    private final SecretBox box = new SecretBox(key, "test/v1");

    @Test
    void opensWhatItSealed() {
        assertThat(box.open(box.seal(PLAINTEXT, ROW_A), ROW_A)).isEqualTo(PLAINTEXT);
    }

    @Test
    void sealedValueHidesThePlaintextAndUsesAFreshNonceEachTime() {
        String first = box.seal(PLAINTEXT, ROW_A);
        String second = box.seal(PLAINTEXT, ROW_A);
        assertThat(first).isNotEqualTo(second);
        String raw = new String(Base64.getDecoder().decode(first), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("supersecret");
        assertThat(first).doesNotContain("supersecret");
        byte[] nonceA = java.util.Arrays.copyOfRange(Base64.getDecoder().decode(first), 5, 17);
        byte[] nonceB = java.util.Arrays.copyOfRange(Base64.getDecoder().decode(second), 5, 17);
        assertThat(nonceA).isNotEqualTo(nonceB);
    }

    @Test
    void envelopeStartsWithFormatVersionAndKeyFingerprint() {
        byte[] envelope = Base64.getDecoder().decode(box.seal(PLAINTEXT, ROW_A));
        assertThat(envelope[0]).isEqualTo(SecretBox.FORMAT_V1);
        assertThat(SecretBox.fingerprintOf(box.seal(PLAINTEXT, ROW_A))).isEqualTo(key.fingerprint());
        assertThat(envelope).hasSize(1 + 4 + 12 + PLAINTEXT.length + 16);
    }

    @Test
    void valueSealedUnderAnotherMasterKeyIsReportedAsWrongKeyNamingBothFingerprints() {
        MasterKey other = new MasterKey(MasterKey.generate(), "other");
        String sealed = new SecretBox(other, "test/v1").seal(PLAINTEXT, ROW_A);
        assertThatThrownBy(() -> box.open(sealed, ROW_A))
                .isInstanceOfSatisfying(DecryptionException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecryptionException.Reason.WRONG_KEY))
                .hasMessageContaining(other.fingerprint()).hasMessageContaining(key.fingerprint());
    }

    @Test
    void valueMovedToAnotherRowFailsItsIntegrityCheck() {
        String sealed = box.seal(PLAINTEXT, ROW_A);
        assertThatThrownBy(() -> box.open(sealed, ROW_B))
                .isInstanceOfSatisfying(DecryptionException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecryptionException.Reason.TAMPERED))
                .hasMessageContaining("integrity");
    }

    @Test
    void flippedCiphertextBitFailsItsIntegrityCheck() {
        byte[] envelope = Base64.getDecoder().decode(box.seal(PLAINTEXT, ROW_A));
        envelope[20] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(envelope);
        assertThatThrownBy(() -> box.open(tampered, ROW_A)).isInstanceOfSatisfying(DecryptionException.class,
                e -> assertThat(e.reason()).isEqualTo(DecryptionException.Reason.TAMPERED));
    }

    @Test
    void differentPurposesUseIndependentKeys() {
        String sealed = new SecretBox(key, "other/v1").seal(PLAINTEXT, ROW_A);
        assertThatThrownBy(() -> box.open(sealed, ROW_A)).isInstanceOfSatisfying(DecryptionException.class,
                e -> assertThat(e.reason()).isEqualTo(DecryptionException.Reason.TAMPERED));
    }

    @Test
    void garbageTruncatedOrUnknownFormatIsReportedAsMalformed() {
        byte[] envelope = Base64.getDecoder().decode(box.seal(PLAINTEXT, ROW_A));
        envelope[0] = 9;
        String future = Base64.getEncoder().encodeToString(envelope);
        for (String bad : new String[] {"not base64 !", "AAEC", future}) {
            assertThatThrownBy(() -> box.open(bad, ROW_A)).as(bad).isInstanceOfSatisfying(DecryptionException.class,
                    e -> assertThat(e.reason()).isEqualTo(DecryptionException.Reason.MALFORMED));
        }
        assertThatThrownBy(() -> box.open(future, ROW_A)).hasMessageContaining("format version 9");
    }
}
