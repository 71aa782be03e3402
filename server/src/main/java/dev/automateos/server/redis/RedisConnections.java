package dev.automateos.server.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's link to Redis: one Lettuce client with two connections, one for commands (shared
 * by every thread; Lettuce pipelines them) and one for pub/sub. Both reconnect by themselves, and
 * Lettuce subscribes again to every channel. While disconnected, commands fail at once instead of
 * piling up, so callers hear of the outage (the queue's callers retry, or leave it to the
 * reconciler). Losing and regaining the connection is logged once each way, and every
 * {@link #onReconnect} hook runs after a reconnect, so components catch up on what they missed.
 */
public final class RedisConnections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnections.class);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ClientResources resources;
    private final RedisClient client;
    private final String address;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final List<Runnable> reconnectHooks = new CopyOnWriteArrayList<>();
    private volatile boolean closing;

    private RedisConnections(ClientResources resources, RedisClient client, String address) {
        this.resources = resources;
        this.client = client;
        this.address = address;
        client.addListener(new StateLog());
        try {
            this.commands = client.connect();
            this.pubSub = client.connectPubSub();
        } catch (RuntimeException e) {
            client.shutdown();
            resources.shutdown();
            throw e;
        }
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                dispatch(channel, message);
            }
        });
    }

    /**
     * Connects to {@code url} now; a server that does not answer fails with Lettuce's
     * {@code RedisConnectionException}, which start-up reports as one line.
     */
    public static RedisConnections open(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        // Lettuce waits up to 30 s between reconnect attempts by default; every write after a commit
        // in that time is lost to the reconciler, so it tries at least every second.
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(100_000)
                .protocolVersion(ProtocolVersion.RESP2)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
        return new RedisConnections(resources, client, uri.getHost() + ":" + uri.getPort());
    }

    /** Host and port, never the password. */
    public String address() {
        return address;
    }

    public StatefulRedisConnection<String, String> commands() {
        return commands;
    }

    /** Whether the command connection is up right now. */
    public boolean connected() {
        return commands.isOpen();
    }

    /** Calls {@code listener} with each message published on {@code channel}, by any process. */
    public void listen(String channel, Consumer<String> listener) {
        boolean first = listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).isEmpty();
        listeners.get(channel).add(listener);
        if (first) {
            pubSub.sync().subscribe(channel);
        }
    }

    /**
     * Publishes without waiting for Redis: one sender's messages keep their order, and a message
     * that cannot be sent (Redis down) is dropped, as pub/sub is at most once anyway.
     */
    public void publish(String channel, String message) {
        commands.async().publish(channel, message);
    }

    /** Runs after a connection came back (not on the first connect). */
    public void onReconnect(Runnable hook) {
        reconnectHooks.add(hook);
    }

    @Override
    public void close() {
        closing = true;
        commands.close();
        pubSub.close();
        client.shutdown(Duration.ZERO, TIMEOUT);
        resources.shutdown(0, TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void dispatch(String channel, String message) {
        for (Consumer<String> listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("A listener of Redis channel {} failed", channel, e);
            }
        }
    }

    /** Logs an outage once each way (for the command connection); the pub/sub connection's return runs the hooks. */
    private final class StateLog implements RedisConnectionStateListener {

        private final Map<RedisChannelHandler<?, ?>, Boolean> lost = new ConcurrentHashMap<>();

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            // Not isOpen(): Lettuce reports a dropped connection as not open until it is back.
            if (!closing && lost.put(connection, true) == null && connection == commands) {
                LOG.warn("Lost the connection to Redis at {}; reconnecting", address);
            }
        }

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress socketAddress) {
            if (lost.remove(connection) == null) {
                return;
            }
            if (connection == commands) {
                LOG.info("Connected to Redis at {} again", address);
            } else if (connection == pubSub) {
                reconnectHooks.forEach(RedisConnections::runQuietly);
            }
        }
    }

    private static void runQuietly(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            LOG.warn("A Redis reconnect hook failed", e);
        }
    }
}
