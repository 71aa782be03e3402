package dev.automateos.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * PostgreSQL's LISTEN/NOTIFY as this process uses it: a broadcast between processes that share
 * the database, for wake-ups and live events. At most once, like NOTIFY itself: a notice sent while
 * a listener is disconnected is gone, so everything built on this also reads the database.
 *
 * <p>Two dedicated connections, outside the pool: one listens on every channel a component asked
 * for, one sends. {@link #notify} never blocks its caller: it queues the notice (dropping it when
 * {@value #QUEUE} are waiting), and the sender writes what queued up in one statement, so a burst
 * of events costs one round trip. Both reconnect by themselves; after the listener reconnects,
 * every {@link #onReconnect} hook runs, so components can catch up on what they missed.
 *
 * <p>Components register their channels while the application context is built; the connections
 * open when it starts ({@link SmartLifecycle}). NOTIFY channels belong to the whole database, so
 * on the wire each name is prefixed with the current schema: installations that share a database
 * in different schemas do not hear each other.
 */
public final class PostgresNotifications implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);
    private static final int QUEUE = 10_000;
    private static final int BATCH = 500;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private record Notice(String channel, String payload) {
    }

    private final String url;
    private final String user;
    private final String password;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final List<Runnable> reconnectHooks = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Notice> outgoing = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;
    private Thread sender;

    public PostgresNotifications(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Calls {@code listener} with each payload sent on {@code channel} (a plain lower-case name), from any process. */
    public void listen(String channel, Consumer<String> listener) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,24}")) {
            throw new IllegalArgumentException("Channel names are lower-case identifiers: " + channel);
        }
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Runs after the listener reconnected (not on the first connection). */
    public void onReconnect(Runnable hook) {
        reconnectHooks.add(hook);
    }

    /** Queues a notice for every listener of {@code channel}, in every process (this one too). */
    public void notify(String channel, String payload) {
        if (!outgoing.offer(new Notice(channel, payload)) && dropped.incrementAndGet() % 1_000 == 1) {
            log.warn("PostgreSQL notifications are backing up; {} dropped so far", dropped.get());
        }
    }

    /** Whether the listening connection is up right now. */
    public boolean listening() {
        return listening;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        // Platform threads: the driver blocks in socket reads, which would pin a carrier on older JDKs.
        listener = Thread.ofPlatform().daemon().name("pg-listen").start(this::listenLoop);
        sender = Thread.ofPlatform().daemon().name("pg-notify").start(this::sendLoop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            sender.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Before the worker and the web server, after nothing: listeners must be up when work arrives.
        return Integer.MIN_VALUE + 1000;
    }

    @Override
    public void close() {
        stop();
    }

    private void listenLoop() {
        boolean first = true;
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            try (Connection connection = connect()) {
                String prefix = prefix(connection);
                try (Statement statement = connection.createStatement()) {
                    for (String channel : listeners.keySet()) {
                        statement.execute("LISTEN " + prefix + channel);
                    }
                }
                listening = true;
                backoff = Duration.ofMillis(250);
                if (!first) {
                    log.info("Listening to PostgreSQL notifications again");
                    reconnectHooks.forEach(PostgresNotifications::runQuietly);
                }
                first = false;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications((int) POLL.toMillis());
                    if (notices != null) {
                        for (PGNotification notice : notices) {
                            if (notice.getName().startsWith(prefix)) {
                                dispatch(notice.getName().substring(prefix.length()), notice.getParameter());
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("PostgreSQL notifications: listener disconnected ({}); retrying in {} ms",
                            e.getMessage(), backoff.toMillis());
                }
            } finally {
                listening = false;
            }
            backoff = pause(backoff);
        }
    }

    private void dispatch(String channel, String payload) {
        for (Consumer<String> consumer : listeners.getOrDefault(channel, List.of())) {
            try {
                consumer.accept(payload);
            } catch (RuntimeException e) {
                log.warn("A listener of PostgreSQL channel {} failed", channel, e);
            }
        }
    }

    private void sendLoop() {
        Duration backoff = Duration.ofMillis(250);
        List<Notice> batch = new ArrayList<>();
        while (running) {
            try (Connection connection = connect();
                 PreparedStatement send = connection.prepareStatement(
                         "select pg_notify(c, p) from unnest(?::text[], ?::text[]) as t(c, p)")) {
                backoff = Duration.ofMillis(250);
                String prefix = prefix(connection);
                while (running) {
                    if (batch.isEmpty()) {
                        Notice first = outgoing.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                        if (first == null) {
                            continue;
                        }
                        batch.add(first);
                        outgoing.drainTo(batch, BATCH - 1);
                    }
                    send.setArray(1, connection.createArrayOf("text",
                            batch.stream().map(notice -> prefix + notice.channel()).toArray()));
                    send.setArray(2, connection.createArrayOf("text", batch.stream().map(Notice::payload).toArray()));
                    send.execute();
                    batch.clear();
                }
            } catch (SQLException e) {
                if (running) {
                    // What was in flight is dropped with the connection: notices are at most once.
                    batch.clear();
                    log.warn("PostgreSQL notifications: sender disconnected ({}); retrying in {} ms",
                            e.getMessage(), backoff.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = pause(backoff);
        }
    }

    /** The wire prefix of this installation's channels: its schema, as a lower-case identifier, and "_". */
    private static String prefix(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("select current_schema()")) {
            String schema = result.next() && result.getString(1) != null ? result.getString(1) : "public";
            String safe = schema.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            return "aos_" + safe.substring(0, Math.min(safe.length(), 30)) + "_";
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        connection.setAutoCommit(true);
        return connection;
    }

    private Duration pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    private static void runQuietly(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            log.warn("A PostgreSQL reconnect hook failed", e);
        }
    }
}
