package dev.automateos.server.events;

import dev.automateos.server.redis.RedisConnections;

/**
 * {@link EventBus} across processes over Redis pub/sub, built like {@link PostgresEventBus}:
 * subscriptions live in this process ({@link InProcessEventBus}); an event published here reaches
 * them at once and is published on {@code <prefix>events} for the other processes, whose listener
 * hands it to their subscriptions. Each process skips its own events when they come back. One
 * execution's events are published by the one worker running it, over one connection, and Redis
 * delivers a connection's messages in order, so the per-execution order holds across processes
 * too. At most once, as the contract says: what is published while Redis is unreachable is gone.
 */
public final class RedisEventBus implements EventBus {

    private final InProcessEventBus local;
    private final RedisConnections redis;
    private final String channel;
    private final String origin = LiveEventCodec.newOrigin();

    public RedisEventBus(RedisConnections redis, String prefix, int buffer) {
        this.local = new InProcessEventBus(buffer);
        this.redis = redis;
        this.channel = prefix + "events";
        redis.listen(channel, this::received);
    }

    @Override
    public void publish(LiveEvent event) {
        local.publish(event);
        redis.publish(channel, LiveEventCodec.encode(origin, event));
    }

    @Override
    public Subscription subscribe(Topic topic) {
        return local.subscribe(topic);
    }

    @Override
    public boolean reachesOtherProcesses() {
        return true;
    }

    private void received(String payload) {
        LiveEventCodec.Envelope envelope = LiveEventCodec.decode(payload);
        if (envelope != null && !origin.equals(envelope.origin())) {
            local.publish(envelope.event());
        }
    }
}
