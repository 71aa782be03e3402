package dev.automateos.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.config.AutomateOsProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class RoleFilterTest {

    private static RoleFilter filterFor(String roles) {
        var properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "automateos.db.url", "jdbc:postgresql://127.0.0.1/test", "automateos.roles", roles)))
                .bindOrCreate("automateos", AutomateOsProperties.class);
        return new RoleFilter(properties, new Problems(JsonMapper.builder().build()));
    }

    private static MockHttpServletResponse call(RoleFilter filter, String path, MockFilterChain chain) throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", path), response, chain);
        return response;
    }

    @Test
    void aWorkerAnswersOnlyHealthAndMetrics() throws Exception {
        var worker = filterFor("worker");

        var api = call(worker, "/api/v1/workflows", new MockFilterChain());
        var webhook = call(worker, "/webhook/abc", new MockFilterChain());
        var health = new MockFilterChain();
        call(worker, "/health/readiness", health);
        var metrics = new MockFilterChain();
        call(worker, "/metrics", metrics);

        assertThat(api.getStatus()).isEqualTo(404);
        assertThat(api.getContentAsString()).contains("\"code\":\"not_served_here\"");
        assertThat(webhook.getStatus()).isEqualTo(404);
        assertThat(health.getRequest()).isNotNull();
        assertThat(metrics.getRequest()).isNotNull();
    }

    @Test
    void aServerServesEverything() throws Exception {
        var chain = new MockFilterChain();

        call(filterFor("server"), "/api/v1/workflows", chain);

        assertThat(chain.getRequest()).isNotNull();
    }
}
