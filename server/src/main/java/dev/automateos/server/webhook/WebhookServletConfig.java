package dev.automateos.server.webhook;

import dev.automateos.server.web.Problems;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts {@link WebhookServlet} beside Spring MVC's dispatcher; the servlet filters (request id, body size, ...) apply to both. */
@Configuration(proxyBeanMethods = false)
class WebhookServletConfig {

    @Bean
    ServletRegistrationBean<WebhookServlet> webhookServlet(JdbcWebhookStore store, WebhookReceiver receiver,
                                                          Problems problems) {
        var registration = new ServletRegistrationBean<>(new WebhookServlet(store, receiver, problems),
                WebhookServlet.mappings().toArray(String[]::new));
        registration.setName("webhooks");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
