package dev.automateos.server.redis;

import dev.automateos.server.config.AutomateOsProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The Redis client, when the queue or the event bus uses Redis (automateos.redis.*). */
@Configuration(proxyBeanMethods = false)
@Conditional(UsesRedis.class)
class RedisConfig {

    @Bean(destroyMethod = "close")
    RedisConnections redisConnections(AutomateOsProperties properties) {
        return RedisConnections.open(properties.redis().url());
    }

    /** Part of readiness ({@code /health/readiness}): a process that cannot reach its broker takes no traffic. */
    @Bean
    HealthIndicator redisHealthIndicator(RedisConnections redis) {
        return () -> {
            try {
                String pong = redis.commands().sync().ping();
                return Health.up().withDetail("address", redis.address()).withDetail("ping", pong).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("address", redis.address()).withDetail("error", e.toString()).build();
            }
        };
    }
}
