package dev.automateos.server.events;

import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.AutomateOsProperties.Events.Bus;
import dev.automateos.server.config.InvalidSettingException;
import dev.automateos.server.store.PostgresNotifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the {@link EventBus}: {@code automateos.events.bus}, or by the database when {@code auto}. */
@Configuration(proxyBeanMethods = false)
class EventBusConfig {

    @Bean
    EventBus eventBus(AutomateOsProperties properties, ObjectProvider<PostgresNotifications> postgres) {
        Bus bus = properties.events().bus();
        PostgresNotifications notifications = postgres.getIfAvailable();
        if (bus == Bus.AUTO) {
            bus = notifications != null ? Bus.POSTGRES : Bus.IN_PROCESS;
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
            case REDIS -> throw new InvalidSettingException("automateos.events.bus",
                    "'redis' is not available in this build");
        };
    }
}
