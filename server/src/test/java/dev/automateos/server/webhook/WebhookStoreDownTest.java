package dev.automateos.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** With the database down nothing can be accepted: 503 with Retry-After, never a 2xx. */
class WebhookStoreDownTest {

    @Test
    void answers503WithRetryAfterWhenTheDatabaseIsDown() throws Exception {
        var launched = new AtomicBoolean();
        var store = new JdbcWebhookStore(null) {
            @Override
            Optional<WebhookTarget> byToken(String tokenPath) {
                throw new CannotGetJdbcConnectionException("connection refused");
            }
        };
        var receiver = new WebhookReceiver(null, null, null) {
            @Override
            org.springframework.http.ResponseEntity<?> receive(Route route, Optional<WebhookTarget> found,
                                                               jakarta.servlet.http.HttpServletRequest servlet) {
                launched.set(true);
                return org.springframework.http.ResponseEntity.accepted().build();
            }
        };
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new WebhookController(store, receiver)).build();

        var response = mvc.perform(post("/webhook/" + "a".repeat(32)).content("{}")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("\"code\":\"service_unavailable\"");
        assertThat(launched).isFalse();
    }
}
