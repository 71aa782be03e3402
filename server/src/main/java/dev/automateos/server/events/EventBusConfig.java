package dev.automateos.server.events;

import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.AutomateOsProperties.Events.Bus;
import dev.automateos.server.config.AutomateOsProperties.Queue.Broker;
import dev.automateos.server.config.InvalidSettingException;
import dev.automateos.server.redis.RedisConnections;
import dev.automateos.server.store.PostgresNotifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the {@link EventBus}: {@code automateos.events.bus}, or when {@code auto}: Redis pub/sub
 * when the queue is on Redis, PostgreSQL NOTIFY on PostgreSQL, in-process on the embedded database.
 */
@Configuration(proxyBeanMethods = false)
class EventBusConfig {

    @Bean
    EventBus eventBus(AutomateOsProperties properties, ObjectProvider<PostgresNotifications> postgres,
                      ObjectProvider<RedisConnections> redis) {
        Bus bus = properties.events().bus();
        PostgresNotifications notifications = postgres.getIfAvailable();
        if (bus == Bus.AUTO) {
            bus = properties.queue().broker() == Broker.REDIS ? Bus.REDIS
                    : notifications != null ? Bus.POSTGRES : Bus.IN_PROCESS;
        }
        return switch (bus) {
            case IN_PROCESS, AUTO -> new InProcessEventBus();
            case POSTGRES -> {
                if (notifications == null) {
                    throw new InvalidSettingException("automateos.events.bus",
                            "'postgres' needs the database to be PostgreSQL (automateos.db.url)");
                }
                yield new PostgresEventBus(notifications, InProcessEventBus.DEFAULT_BUFFER);
            }
            // RedisConnections exists whenever the bus or the broker is set to redis (UsesRedis).
            case REDIS -> new RedisEventBus(redis.getObject(), properties.redis().keyPrefix(),
                    InProcessEventBus.DEFAULT_BUFFER);
        };
    }
}
