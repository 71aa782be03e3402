package dev.automateos.server.events;

import dev.automateos.server.store.PostgresNotifications;

/**
 * {@link EventBus} across the processes that share one PostgreSQL (queue mode): subscriptions
 * live in this process ({@link InProcessEventBus}); an event published here reaches them at once
 * and goes out as a NOTIFY on {@value #CHANNEL} for the other processes, whose listener hands it
 * to their subscriptions. Each process skips its own events when they come back. One execution's
 * events are published by the one worker running it, in order, and NOTIFY keeps a sender's order,
 * so the per-execution order holds across processes too. At most once, as the contract says.
 */
public final class PostgresEventBus implements EventBus {

    static final String CHANNEL = "events";

    private final InProcessEventBus local;
    private final PostgresNotifications notifications;
    private final String origin = LiveEventCodec.newOrigin();

    public PostgresEventBus(PostgresNotifications notifications, int buffer) {
        this.local = new InProcessEventBus(buffer);
        this.notifications = notifications;
        notifications.listen(CHANNEL, this::received);
    }

    @Override
    public void publish(LiveEvent event) {
        local.publish(event);
        notifications.notify(CHANNEL, LiveEventCodec.encode(origin, event));
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
