package dev.automateos.server.execution;

import dev.automateos.engine.http.GuardedHttpClient;
import dev.automateos.engine.http.OutboundPolicy;
import dev.automateos.server.config.AutomateOsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one guarded HTTP client every node shares, from the {@code automateos.outbound.*} settings. */
@Configuration(proxyBeanMethods = false)
class OutboundConfig {

    @Bean(destroyMethod = "close")
    GuardedHttpClient guardedHttpClient(AutomateOsProperties properties) {
        var outbound = properties.outbound();
        return new GuardedHttpClient(OutboundPolicy.defaults()
                .withAllowPrivate(outbound.allowPrivate())
                .withAllowLoopback(outbound.allowLoopback())
                .withDeniedHosts(outbound.deniedHosts())
                .withAllowedHosts(outbound.allowedHosts()));
    }
}
