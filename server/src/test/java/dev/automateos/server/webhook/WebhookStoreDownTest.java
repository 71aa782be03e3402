package dev.automateos.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.web.Problems;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

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
        var receiver = new WebhookReceiver(null, null, null, null) {
            @Override
            org.springframework.http.ResponseEntity<?> receive(Route route, Optional<WebhookTarget> found,
                                                               jakarta.servlet.http.HttpServletRequest servlet) {
                launched.set(true);
                return org.springframework.http.ResponseEntity.accepted().build();
            }
        };
        var servlet = new WebhookServlet(store, receiver, new Problems(JsonMapper.builder().build()));
        var request = new MockHttpServletRequest("POST", "/webhook/" + "a".repeat(32));
        request.setServletPath(WebhookServlet.LIVE);
        request.setPathInfo("/" + "a".repeat(32));
        request.setContent("{}".getBytes());
        var response = new MockHttpServletResponse();

        servlet.service(request, response);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"service_unavailable\"");
        assertThat(launched).isFalse();
    }
}
