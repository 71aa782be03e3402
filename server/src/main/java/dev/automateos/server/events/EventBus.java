package dev.automateos.server.events;

import java.time.Duration;
import java.util.UUID;

/**
 * Broadcasts {@link LiveEvent}s to whoever listens right now. The contract every implementation
 * (in-process, PostgreSQL LISTEN/NOTIFY, Redis pub/sub) keeps:
 * <ul>
 *   <li><b>Broadcast:</b> every open subscription whose {@link Topic} matches gets each event.
 *       This is not a work queue: nobody acknowledges, nothing is redelivered.</li>
 *   <li><b>At most once:</b> an event published while nobody listens is gone. Subscribers that
 *       need the truth read the execution's stored state.</li>
 *   <li><b>In order per execution:</b> a subscription sees one execution's events in the order
 *       they were published. Events of different executions may interleave.</li>
 *   <li><b>Never blocks the publisher:</b> each subscription has a bounded buffer. When it is full
 *       the subscription is dropped: it receives one final {@link LiveEvent.Overflow} after what it
 *       had buffered, and nothing more.</li>
 * </ul>
 */
public interface EventBus {

    /** Hands the event to every matching subscription; returns without waiting for any of them. */
    void publish(LiveEvent event);

    /** Starts listening; events published after this call returns are delivered. */
    Subscription subscribe(Topic topic);

    /**
     * Whether events published in other processes reach this one's subscriptions (a PostgreSQL or
     * Redis bus). When not, only this process's own events arrive, and a caller waiting for work
     * done elsewhere must read the database instead.
     */
    boolean reachesOtherProcesses();

    /**
     * Which events a subscription wants: one execution's, every execution's of one workflow, every
     * execution's of every workflow (which the caller narrows to what its user may see), or every
     * workflow's schedule changes.
     */
    record Topic(Kind kind, UUID id) {

        public enum Kind { EXECUTION, WORKFLOW, EVERY_EXECUTION, SCHEDULES }

        public static Topic execution(UUID executionId) {
            return new Topic(Kind.EXECUTION, executionId);
        }

        public static Topic workflow(UUID workflowId) {
            return new Topic(Kind.WORKFLOW, workflowId);
        }

        public static Topic everything() {
            return new Topic(Kind.EVERY_EXECUTION, null);
        }

        /** Every {@link LiveEvent.ScheduleChanged}, of any workflow, and nothing else. */
        public static Topic schedules() {
            return new Topic(Kind.SCHEDULES, null);
        }

        public boolean matches(LiveEvent event) {
            if (event instanceof LiveEvent.ScheduleChanged) {
                return kind == Kind.SCHEDULES;
            }
            return switch (kind) {
                case EXECUTION -> id.equals(event.executionId());
                case WORKFLOW -> id.equals(event.workflowId());
                case EVERY_EXECUTION -> event.executionId() != null;
                case SCHEDULES -> false;
            };
        }
    }

    /** One listener's view of the bus. Not shared between threads that read. */
    interface Subscription extends AutoCloseable {

        /**
         * The next event, waiting at most {@code timeout}; null when none came in time or the
         * subscription is closed. After an {@link LiveEvent.Overflow} only nulls follow.
         */
        LiveEvent next(Duration timeout) throws InterruptedException;

        /** Stops listening (the unsubscribe handle); idempotent. */
        @Override
        void close();
    }
}
