package dev.automateos.server.events;

import dev.automateos.server.store.PostgresNotifications;

/**
 * {@link EventBus} across the processes that share one PostgreSQL (queue mode): a
 * {@link RelayedEventBus} whose transport is a NOTIFY on {@value #CHANNEL} (namespaced by schema).
 * NOTIFY keeps a sender's order. At most once, as the contract says.
 */
public final class PostgresEventBus extends RelayedEventBus {

    static final String CHANNEL = "events";

    private final PostgresNotifications notifications;

    public PostgresEventBus(PostgresNotifications notifications, int buffer) {
        super(buffer);
        this.notifications = notifications;
        notifications.listen(CHANNEL, this::received);
    }

    @Override
    void send(String payload) {
        notifications.notify(CHANNEL, payload);
    }
}
