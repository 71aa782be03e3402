package dev.automateos.server.credential;

import dev.automateos.server.crypto.DecryptionException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;

/**
 * The one way for other features (the engine's node context) to get a credential's secret.
 *
 * <p>Contract: a credential resolves only for its owner, so a workflow can use only its owner's
 * credentials; anything else answers {@link CredentialUnavailableException.Reason#NOT_FOUND}
 * exactly like a missing id. Each successful resolve records {@code last_used_at} (minute
 * resolution). The returned value holds secrets: hand it only to the code that calls the
 * remote service, and never put it into execution data, logs or expression scope. Its
 * {@code toString} masks the secrets, so logging it by mistake leaks nothing.
 */
@Service
public class CredentialVault {

    private final JdbcCredentialStore store;
    private final CredentialTypes types;
    private final CredentialCipher cipher;
    private final Clock clock;

    CredentialVault(JdbcCredentialStore store, CredentialTypes types, CredentialCipher cipher, Clock clock) {
        this.store = store;
        this.types = types;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * @return the decrypted typed value ({@link ApiKeyCredential}, {@link BasicAuthCredential}, ...)
     * @throws CredentialUnavailableException when it is missing, not the owner's, or unreadable
     */
    public CredentialData resolve(UUID credentialId, UUID ownerId) {
        var row = store.findSealed(credentialId).filter(s -> s.meta().ownerId().equals(ownerId))
                .orElseThrow(() -> new CredentialUnavailableException(credentialId,
                        CredentialUnavailableException.Reason.NOT_FOUND,
                        "Credential " + credentialId + " does not exist or belongs to another user.", null));
        Credential meta = row.meta();
        CredentialData value;
        try {
            byte[] plaintext = cipher.decrypt(meta.id(), meta.ownerId(), meta.type(), row.encryptedData());
            value = types.fromJson(meta.type(), plaintext);
        } catch (DecryptionException e) {
            throw new CredentialUnavailableException(credentialId, CredentialUnavailableException.Reason.UNREADABLE,
                    "Credential '" + meta.name() + "' (" + credentialId + ") cannot be decrypted. " + e.getMessage(), e);
        } catch (JacksonException | IllegalStateException e) {
            // No cause attached: a parse error may quote the decrypted text.
            throw new CredentialUnavailableException(credentialId, CredentialUnavailableException.Reason.UNREADABLE,
                    "Credential '" + meta.name() + "' (" + credentialId + ") does not fit its type '" + meta.type()
                            + "' any more; save it again.", null);
        }
        store.touch(credentialId, clock.instant());
        return value;
    }

    /** Like {@link #resolve(UUID, UUID)}, for a caller that accepts only one type. */
    public <T extends CredentialData> T resolve(UUID credentialId, UUID ownerId, Class<T> expected) {
        CredentialData value = resolve(credentialId, ownerId);
        if (!expected.isInstance(value)) {
            String wanted = expected.isAnnotationPresent(CredentialType.class)
                    ? expected.getAnnotation(CredentialType.class).value() : expected.getSimpleName();
            throw new CredentialUnavailableException(credentialId, CredentialUnavailableException.Reason.WRONG_TYPE,
                    "Credential " + credentialId + " is not of type '" + wanted + "'.", null);
        }
        return expected.cast(value);
    }
}
