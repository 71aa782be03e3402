package dev.automateos.server.auth;

import dev.automateos.server.support.ApiTest;
import dev.automateos.server.support.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Helpers the auth API tests share; the Spring context is still the one of {@link ApiTest}. */
public abstract class AuthApiTest extends ApiTest {

    @Autowired
    protected JdbcClient jdbc;

    protected TestResponse login(String username, String password) {
        return http.post("/api/v1/auth/token")
                .body(Map.of("grant_type", "password", "username", username, "password", password)).send();
    }

    protected TestResponse refresh(String refreshToken) {
        return http.post("/api/v1/auth/token")
                .body(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)).send();
    }

    protected TestResponse postForm(String path, String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return http.post(path).body("application/x-www-form-urlencoded", form.toString()).send();
    }

    protected static String uniqueName(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected long count(String table, String where, Object... params) {
        return jdbc.sql("select count(*) from " + table + " where " + where).params(params).query(Long.class).single();
    }

    protected void setRegistrationOpen(boolean open) {
        jdbc.sql("update system_settings set setting_value = ? where name = 'registration_open'")
                .param(Boolean.toString(open)).update();
    }
}
