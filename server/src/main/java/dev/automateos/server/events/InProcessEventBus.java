package dev.automateos.server.events;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@link EventBus} inside one server process: enough for a standalone server. Publishing only
 * offers to each matching subscription's bounded queue, so a stalled SSE client costs the engine
 * nothing but one failed {@code offer}.
 */
public final class InProcessEventBus implements EventBus {

    static final int DEFAULT_BUFFER = 1_024;

    private final int buffer;
    private final Set<Queued> subscriptions = ConcurrentHashMap.newKeySet();

    public InProcessEventBus() {
        this(DEFAULT_BUFFER);
    }

    /** {@code buffer}: events a subscription may hold unread before it is dropped. */
    public InProcessEventBus(int buffer) {
        if (buffer < 1) {
            throw new IllegalArgumentException("buffer must be at least 1");
        }
        this.buffer = buffer;
    }

    @Override
    public void publish(LiveEvent event) {
        for (Queued subscription : subscriptions) {
            if (subscription.topic.matches(event)) {
                subscription.offer(event);
            }
        }
    }

    @Override
    public Subscription subscribe(Topic topic) {
        Queued subscription = new Queued(topic);
        subscriptions.add(subscription);
        return subscription;
    }

    @Override
    public boolean reachesOtherProcesses() {
        return false;
    }

    /** How many subscriptions are open (for metrics and tests). */
    public int subscriberCount() {
        return subscriptions.size();
    }

    private final class Queued implements Subscription {

        private final Topic topic;
        // One slot more than the buffer, so the final overflow notice always fits.
        private final BlockingQueue<LiveEvent> queue = new ArrayBlockingQueue<>(buffer + 1);
        private boolean ended;
        private volatile boolean closed;

        Queued(Topic topic) {
            this.topic = topic;
        }

        /** Serialized per subscription so concurrent publishers cannot both overflow it. */
        synchronized void offer(LiveEvent event) {
            if (ended) {
                return;
            }
            if (queue.size() < buffer) {
                queue.add(event);
                return;
            }
            ended = true;
            subscriptions.remove(this);
            queue.add(new LiveEvent.Overflow("This subscriber fell more than " + buffer
                    + " events behind and was dropped; reload the execution and subscribe again."));
        }

        @Override
        public LiveEvent next(Duration timeout) throws InterruptedException {
            return closed ? null : queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public synchronized void close() {
            closed = true;
            ended = true;
            subscriptions.remove(this);
        }
    }
}
