package dev.automateos.server.credential;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when stored credentials were encrypted under another master key, which
 * happens when master.key was lost or replaced, or AUTOMATEOS_ENCRYPTION_KEY changed without
 * {@code rotate-key}. Those credentials fail at use; saying so early saves a confusing hunt.
 */
@Component
class CredentialKeyCheck {

    private static final Logger log = LoggerFactory.getLogger("automateos");

    private final JdbcClient jdbc;
    private final CredentialCipher cipher;

    CredentialKeyCheck(JdbcClient jdbc, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        jdbc.sql("select key_fingerprint, count(*) as n from credentials where key_fingerprint <> ? "
                        + "group by key_fingerprint")
                .param(cipher.fingerprint())
                .query((rs, row) -> {
                    log.warn("{} credentials were encrypted with master key {}, but the loaded master key is {}; they "
                                    + "cannot be used until that key is restored (see docs/credentials.md)",
                            rs.getLong("n"), rs.getString("key_fingerprint"), cipher.fingerprint());
                    return row;
                })
                .list();
    }
}
