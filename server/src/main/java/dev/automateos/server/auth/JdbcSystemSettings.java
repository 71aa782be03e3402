package dev.automateos.server.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Instance-wide settings in {@code system_settings}, one text value per name. */
@Repository
class JdbcSystemSettings {

    static final String REGISTRATION_OPEN = "registration_open";

    private final JdbcClient jdbc;

    JdbcSystemSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> get(String name) {
        return jdbc.sql("select setting_value from system_settings where name = ?").param(name).query(String.class)
                .optional();
    }

    /**
     * Reads a setting and locks its row until the surrounding transaction ends, so callers that
     * lock the same row run one after the other. The row must exist (the migration seeds it).
     */
    Optional<String> getForUpdate(String name) {
        return jdbc.sql("select setting_value from system_settings where name = ? for update").param(name)
                .query(String.class).optional();
    }

    void put(String name, String value, Instant now) {
        int updated = jdbc.sql("update system_settings set setting_value = ?, updated_at = ? where name = ?")
                .params(value, Timestamp.from(now), name).update();
        if (updated == 0) {
            jdbc.sql("insert into system_settings (name, setting_value, updated_at) values (?, ?, ?)")
                    .params(name, value, Timestamp.from(now)).update();
        }
    }
}
