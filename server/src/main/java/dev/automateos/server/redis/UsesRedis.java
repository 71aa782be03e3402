package dev.automateos.server.redis;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the queue or the event bus is on Redis; otherwise this process never connects to it. */
public final class UsesRedis implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        return brokerIsRedis(env) || "redis".equalsIgnoreCase(env.getProperty("automateos.events.bus", "").strip());
    }

    public static boolean brokerIsRedis(Environment env) {
        return "redis".equalsIgnoreCase(env.getProperty("automateos.queue.broker", "").strip());
    }
}
