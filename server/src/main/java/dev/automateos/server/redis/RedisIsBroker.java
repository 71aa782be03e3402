package dev.automateos.server.redis;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the work queue is on Redis ({@code automateos.queue.broker=redis}). */
public final class RedisIsBroker implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return UsesRedis.brokerIsRedis(context.getEnvironment());
    }
}
