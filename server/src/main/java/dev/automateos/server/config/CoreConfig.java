package dev.automateos.server.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CoreConfig {

    /** Every time-dependent decision reads this clock, so tests can pin time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
