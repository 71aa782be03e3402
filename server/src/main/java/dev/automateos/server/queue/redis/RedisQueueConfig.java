package dev.automateos.server.queue.redis;

import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.redis.RedisConnections;
import dev.automateos.server.redis.RedisIsBroker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** What the Redis broker adds beside the queue itself (which QueueConfig picks): wake-ups and a metric. */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisIsBroker.class)
class RedisQueueConfig {

    @Bean
    RedisWorkNotices redisWorkNotices(RedisConnections redis, AutomateOsProperties properties) {
        return new RedisWorkNotices(redis, properties.redis().keyPrefix());
    }

    @Bean
    FunctionCounter redisLostQueueWrites(WorkQueue queue, MeterRegistry meters) {
        RedisWorkQueue redis = (RedisWorkQueue) queue;
        return FunctionCounter.builder("automateos.redis.queue.lost.writes", redis, RedisWorkQueue::lostWrites)
                .description("Queue writes after a database commit that Redis failed; the reconciler makes up for them")
                .register(meters);
    }
}
