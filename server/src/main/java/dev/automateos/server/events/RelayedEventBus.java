package dev.automateos.server.events;

/**
 * What the buses that cross processes share: subscriptions live in this process
 * ({@link InProcessEventBus}); an event published here reaches them at once and goes out,
 * encoded by {@link LiveEventCodec}, through the subclass's transport to the other processes,
 * whose transport hands it back through {@link #received}. Each process skips its own events when
 * they come back. One execution's events are published by the one worker running it, in order,
 * and both transports keep one sender's order, so the per-execution order holds across processes.
 */
abstract sealed class RelayedEventBus implements EventBus permits PostgresEventBus, RedisEventBus {

    private final InProcessEventBus local;
    private final String origin = LiveEventCodec.newOrigin();

    RelayedEventBus(int buffer) {
        this.local = new InProcessEventBus(buffer);
    }

    /** Hands an encoded event to the transport, for the other processes; must not block. */
    abstract void send(String payload);

    @Override
    public final void publish(LiveEvent event) {
        local.publish(event);
        send(LiveEventCodec.encode(origin, event));
    }

    @Override
    public final Subscription subscribe(Topic topic) {
        return local.subscribe(topic);
    }

    @Override
    public final boolean reachesOtherProcesses() {
        return true;
    }

    /** What the transport received from any process (this one included). */
    final void received(String payload) {
        LiveEventCodec.Envelope envelope = LiveEventCodec.decode(payload);
        if (envelope != null && !origin.equals(envelope.origin())) {
            local.publish(envelope.event());
        }
    }
}
