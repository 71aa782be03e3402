package dev.automateos.server.queue.redis;

import dev.automateos.server.redis.RedisConnections;

/**
 * The wake-ups of the Redis broker: its scripts publish on {@code <prefix>work} whenever they make
 * an item ready now (enqueue, release), so idle workers in every process claim at once. That is
 * after the commit by construction, since the queue's writes wait for it. Pub/sub is at most once:
 * after a reconnect the listeners run too, in case a notice was missed meanwhile, and workers still
 * poll for due timers and expired leases.
 */
public final class RedisWorkNotices {

    private final RedisConnections redis;
    private final String channel;

    public RedisWorkNotices(RedisConnections redis, String prefix) {
        this.redis = redis;
        this.channel = prefix + "work";
    }

    /** Runs {@code wake} on each notice and after each reconnect; it must be quick and must not call Redis. */
    public void onWork(Runnable wake) {
        redis.listen(channel, message -> wake.run());
        redis.onReconnect(wake);
    }
}
