package dev.automateos.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.events.EventBus.Subscription;
import dev.automateos.server.events.EventBus.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@link EventBus} contract every implementation passes through a near-empty subclass. The
 * bus under test must drop a subscriber that holds more than {@link #buffer()} unread events.
 * (It lives with the server because the SPI does; testkit does not depend on the server.)
 */
abstract class EventBusContract {

    private static final Duration SHORT = Duration.ofSeconds(2);

    /** A fresh bus whose subscriptions buffer {@link #buffer()} events. */
    protected abstract EventBus newBus();

    protected abstract int buffer();

    private static LiveEvent started(UUID execution, UUID workflow, int attempt) {
        return new LiveEvent.StepStarted(execution, workflow, "s", "s", "S", attempt, Instant.EPOCH);
    }

    @Test
    void broadcastsEachEventToEveryMatchingSubscriber() throws Exception {
        EventBus bus = newBus();
        UUID execution = UUID.randomUUID();
        UUID workflow = UUID.randomUUID();
        try (Subscription byExecution = bus.subscribe(Topic.execution(execution));
             Subscription byWorkflow = bus.subscribe(Topic.workflow(workflow));
             Subscription other = bus.subscribe(Topic.workflow(UUID.randomUUID()))) {
            bus.publish(started(execution, workflow, 1));

            assertThat(byExecution.next(SHORT)).isEqualTo(started(execution, workflow, 1));
            assertThat(byWorkflow.next(SHORT)).isEqualTo(started(execution, workflow, 1));
            assertThat(other.next(Duration.ofMillis(100))).isNull();
        }
    }

    @Test
    void scheduleChangesReachOnlyScheduleSubscribers() throws Exception {
        EventBus bus = newBus();
        UUID workflow = UUID.randomUUID();
        try (Subscription schedules = bus.subscribe(Topic.schedules());
             Subscription byWorkflow = bus.subscribe(Topic.workflow(workflow))) {
            var changed = new LiveEvent.ScheduleChanged(workflow, Instant.EPOCH);
            bus.publish(changed);
            bus.publish(started(UUID.randomUUID(), workflow, 1));

            assertThat(schedules.next(SHORT)).isEqualTo(changed);
            assertThat(schedules.next(Duration.ofMillis(100))).as("no execution events").isNull();
            assertThat(byWorkflow.next(SHORT)).as("a workflow's live events carry no schedule notices")
                    .isInstanceOf(LiveEvent.StepStarted.class);
        }
    }

    @Test
    void deliversOneExecutionsEventsInPublishOrder() throws Exception {
        EventBus bus = newBus();
        UUID execution = UUID.randomUUID();
        try (Subscription subscription = bus.subscribe(Topic.execution(execution))) {
            int count = Math.min(buffer(), 50);
            for (int i = 1; i <= count; i++) {
                bus.publish(started(execution, UUID.randomUUID(), i));
            }
            List<Integer> attempts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                attempts.add(((LiveEvent.StepStarted) subscription.next(SHORT)).attempt());
            }

            assertThat(attempts).isSorted().hasSize(count).startsWith(1);
        }
    }

    @Test
    void anEventPublishedBeforeSubscribingIsNotDelivered() throws Exception {
        EventBus bus = newBus();
        UUID execution = UUID.randomUUID();
        bus.publish(started(execution, UUID.randomUUID(), 1));
        try (Subscription late = bus.subscribe(Topic.execution(execution))) {
            assertThat(late.next(Duration.ofMillis(100))).isNull();
        }
    }

    @Test
    void aClosedSubscriptionReceivesNothingMore() throws Exception {
        EventBus bus = newBus();
        UUID execution = UUID.randomUUID();
        Subscription subscription = bus.subscribe(Topic.execution(execution));
        subscription.close();
        subscription.close();
        bus.publish(started(execution, UUID.randomUUID(), 1));

        assertThat(subscription.next(Duration.ofMillis(100))).isNull();
    }

    @Test
    void aSlowSubscriberNeverBlocksThePublisherAndIsDroppedWithAFinalOverflow() throws Exception {
        EventBus bus = newBus();
        UUID execution = UUID.randomUUID();
        try (Subscription slow = bus.subscribe(Topic.execution(execution));
             Subscription fast = bus.subscribe(Topic.execution(execution))) {
            long start = System.nanoTime();
            for (int i = 1; i <= buffer() + 5; i++) {
                bus.publish(started(execution, UUID.randomUUID(), i));
                assertThat(((LiveEvent.StepStarted) fast.next(SHORT)).attempt()).isEqualTo(i);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            List<LiveEvent> received = new ArrayList<>();
            for (LiveEvent e = slow.next(SHORT); e != null; e = slow.next(Duration.ofMillis(100))) {
                received.add(e);
            }
            assertThat(received).hasSize(buffer() + 1);
            assertThat(received.getLast()).isInstanceOf(LiveEvent.Overflow.class);
            assertThat(((LiveEvent.StepStarted) received.get(buffer() - 1)).attempt()).isEqualTo(buffer());
        }
    }
}
