package dev.automateos.server.queue;

import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.AutomateOsProperties.Queue.Broker;
import dev.automateos.server.queue.redis.RedisWorkQueue;
import dev.automateos.server.redis.RedisConnections;
import dev.automateos.server.store.SqlDialect;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The work queue: in the application's own database (standalone, and queue mode on PostgreSQL), or
 * on Redis with {@code automateos.queue.broker=redis}.
 */
@Configuration(proxyBeanMethods = false)
class QueueConfig {

    @Bean
    WorkQueue workQueue(DataSource dataSource, SqlDialect dialect, Clock clock, AutomateOsProperties properties,
                        ObjectProvider<RedisConnections> redis) {
        if (properties.queue().broker() == Broker.REDIS) {
            return new RedisWorkQueue(redis.getObject().commands(), properties.redis().keyPrefix(), clock);
        }
        return new JdbcWorkQueue(dataSource, dialect, clock);
    }
}
