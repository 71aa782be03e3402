package dev.automateos.server.events;

import dev.automateos.server.redis.RedisConnections;

/**
 * {@link EventBus} across processes over Redis pub/sub: a {@link RelayedEventBus} whose transport
 * is the channel {@code <prefix>events}. Redis delivers one connection's messages in order. At
 * most once, as the contract says: what is published while Redis is unreachable is gone.
 */
public final class RedisEventBus extends RelayedEventBus {

    private final RedisConnections redis;
    private final String channel;

    public RedisEventBus(RedisConnections redis, String prefix, int buffer) {
        super(buffer);
        this.redis = redis;
        this.channel = prefix + "events";
        redis.listen(channel, this::received);
    }

    @Override
    void send(String payload) {
        redis.publish(channel, payload);
    }
}
