package dev.automateos.testkit.queue;

import dev.automateos.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.queue.ClaimedItem;
import dev.automateos.engine.queue.Lane;
import dev.automateos.engine.queue.LaneDepth;
import dev.automateos.engine.queue.WorkItem;
import dev.automateos.engine.queue.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link WorkQueue} shares. An implementation's test is a near-empty
 * subclass that builds an empty queue on the given clock. Time moves by hand; only the
 * concurrency cases use threads.
 */
public abstract class WorkQueueContract {

    protected static final Duration LEASE = Duration.ofSeconds(30);
    protected static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    protected ManualClock clock;
    protected WorkQueue queue;

    /** An empty queue whose every "now" comes from {@code clock}. */
    protected abstract WorkQueue createQueue(ManualClock clock);

    @BeforeEach
    void createEmptyQueue() {
        clock = new ManualClock(START);
        queue = createQueue(clock);
    }

    protected WorkItem item(Lane lane) {
        return item(lane, UUID.randomUUID(), 0, clock.instant());
    }

    protected WorkItem item(Lane lane, UUID workflowId, int maxConcurrency, Instant availableAt) {
        return new WorkItem(UUID.randomUUID(), UUID.randomUUID(), workflowId, lane, availableAt, maxConcurrency,
                "{\"kind\":\"advance\"}");
    }

    protected List<UUID> ids(List<ClaimedItem> claimed) {
        return claimed.stream().map(c -> c.item().id()).toList();
    }

    @Test
    void claimsHigherLanesFirstThenEarlierAvailabilityThenEnqueueOrder() {
        WorkItem lowOld = item(Lane.LOW, UUID.randomUUID(), 0, START.minusSeconds(60));
        WorkItem mediumSecond = item(Lane.MEDIUM);
        WorkItem mediumFirst = item(Lane.MEDIUM);
        WorkItem mediumEarlier = item(Lane.MEDIUM, UUID.randomUUID(), 0, START.minusSeconds(5));
        WorkItem critical = item(Lane.CRITICAL);
        WorkItem high = item(Lane.HIGH);
        for (WorkItem item : List.of(lowOld, mediumFirst, mediumSecond, mediumEarlier, critical, high)) {
            assertThat(queue.enqueue(item)).isTrue();
        }

        List<ClaimedItem> first = queue.claim("w1", 4, LEASE);
        List<ClaimedItem> rest = queue.claim("w1", 10, LEASE);

        assertThat(ids(first)).containsExactly(critical.id(), high.id(), mediumEarlier.id(), mediumFirst.id());
        assertThat(ids(rest)).containsExactly(mediumSecond.id(), lowOld.id());
    }

    @Test
    void claimedItemCarriesEverythingThatWasEnqueued() {
        WorkItem item = item(Lane.HIGH, UUID.randomUUID(), 3, START.minusSeconds(1));
        queue.enqueue(item);

        ClaimedItem claimed = queue.claim("worker-a", 1, LEASE).getFirst();

        assertThat(claimed.item()).isEqualTo(item);
        assertThat(claimed.workerId()).isEqualTo("worker-a");
        assertThat(claimed.leaseExpiresAt()).isEqualTo(START.plus(LEASE));
        assertThat(claimed.deliveries()).isEqualTo(1);
        assertThat(claimed.redelivered()).isFalse();
    }

    @Test
    void claimAnswersEmptyWhenNothingIsReady() {
        assertThat(queue.claim("w1", 10, LEASE)).isEmpty();
    }

    @Test
    void delayedItemIsNotClaimableBeforeItsTime() {
        WorkItem later = item(Lane.CRITICAL, UUID.randomUUID(), 0, START.plusSeconds(10));
        queue.enqueue(later);

        assertThat(queue.claim("w1", 10, LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(9));
        assertThat(queue.claim("w1", 10, LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ids(queue.claim("w1", 10, LEASE))).containsExactly(later.id());
    }

    @Test
    void enqueueingTheSameIdTwiceKeepsTheFirstItem() {
        WorkItem first = item(Lane.LOW);
        WorkItem again = new WorkItem(first.id(), first.executionId(), first.workflowId(), Lane.CRITICAL,
                START.minusSeconds(100), 0, "other");

        assertThat(queue.enqueue(first)).isTrue();
        assertThat(queue.enqueue(again)).isFalse();

        List<ClaimedItem> claimed = queue.claim("w1", 10, LEASE);
        assertThat(claimed).hasSize(1);
        assertThat(claimed.getFirst().item()).isEqualTo(first);
    }

    @Test
    void enqueueingTheIdOfALeasedItemChangesNothing() {
        WorkItem item = item(Lane.MEDIUM);
        queue.enqueue(item);
        queue.claim("w1", 1, LEASE);

        assertThat(queue.enqueue(item)).isFalse();

        assertThat(queue.claim("w2", 10, LEASE)).isEmpty();
        assertThat(queue.ack("w1", item.id())).isTrue();
    }

    @Test
    void redeliversAfterTheLeaseExpiresAndCountsDeliveries() {
        WorkItem item = item(Lane.MEDIUM);
        queue.enqueue(item);
        queue.claim("w1", 1, LEASE);

        clock.advance(LEASE.minusMillis(1));
        assertThat(queue.claim("w2", 1, LEASE)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        List<ClaimedItem> redelivered = queue.claim("w2", 1, LEASE);

        assertThat(ids(redelivered)).containsExactly(item.id());
        assertThat(redelivered.getFirst().deliveries()).isEqualTo(2);
        assertThat(redelivered.getFirst().redelivered()).isTrue();
        assertThat(redelivered.getFirst().workerId()).isEqualTo("w2");
    }

    @Test
    void heartbeatKeepsTheLease() {
        WorkItem item = item(Lane.MEDIUM);
        queue.enqueue(item);
        queue.claim("w1", 1, LEASE);

        for (int i = 0; i < 5; i++) {
            clock.advance(LEASE.dividedBy(2));
            assertThat(queue.heartbeat("w1", List.of(item.id()), LEASE)).containsExactly(item.id());
            assertThat(queue.claim("w2", 1, LEASE)).isEmpty();
        }
        assertThat(queue.ack("w1", item.id())).isTrue();
    }

    @Test
    void heartbeatAnswersOnlyTheItemsTheWorkerStillHolds() {
        WorkItem kept = item(Lane.HIGH);
        WorkItem lost = item(Lane.MEDIUM);
        WorkItem acked = item(Lane.LOW);
        queue.enqueue(kept);
        queue.enqueue(lost);
        queue.enqueue(acked);
        queue.claim("w1", 3, LEASE);
        queue.ack("w1", acked.id());
        clock.advance(LEASE);
        queue.heartbeat("w1", List.of(kept.id()), LEASE);
        assertThat(ids(queue.claim("w2", 10, LEASE))).containsExactly(lost.id());

        Set<UUID> extended = queue.heartbeat("w1", List.of(kept.id(), lost.id(), acked.id(), UUID.randomUUID()),
                LEASE);

        assertThat(extended).containsExactly(kept.id());
    }

    @Test
    void ackRemovesTheItemForGood() {
        WorkItem item = item(Lane.MEDIUM);
        queue.enqueue(item);
        queue.claim("w1", 1, LEASE);

        assertThat(queue.ack("w1", item.id())).isTrue();

        clock.advance(LEASE.multipliedBy(3));
        assertThat(queue.claim("w2", 10, LEASE)).isEmpty();
        assertThat(queue.ack("w1", item.id())).isFalse();
        assertThat(queue.depth().get(Lane.MEDIUM)).isEqualTo(LaneDepth.EMPTY);
    }

    @Test
    void ackByAWorkerThatNeverHeldTheItemIsRefused() {
        WorkItem item = item(Lane.MEDIUM);
        queue.enqueue(item);
        assertThat(queue.ack("w1", item.id())).isFalse();
        queue.claim("w1", 1, LEASE);

        assertThat(queue.ack("w2", item.id())).isFalse();
        assertThat(queue.depth().get(Lane.MEDIUM).leased()).isEqualTo(1);
    }

    @Test
    void workerWhoseLeaseWasTakenOverCannotAckOrReleaseOrHeartbeat() {
        WorkItem item = item(Lane.MEDIUM);
        queue.enqueue(item);
        queue.claim("w1", 1, LEASE);
        clock.advance(LEASE.plusSeconds(1));
        queue.claim("w2", 1, LEASE);

        assertThat(queue.ack("w1", item.id())).isFalse();
        assertThat(queue.release("w1", item.id(), clock.instant())).isFalse();
        assertThat(queue.heartbeat("w1", List.of(item.id()), LEASE)).isEmpty();
        assertThat(queue.claim("w3", 1, LEASE)).isEmpty();
        assertThat(queue.ack("w2", item.id())).isTrue();
    }

    @Test
    void lateAckStillCountsWhileNoOtherWorkerClaimedTheItem() {
        WorkItem item = item(Lane.MEDIUM);
        queue.enqueue(item);
        queue.claim("w1", 1, LEASE);
        clock.advance(LEASE.multipliedBy(2));

        assertThat(queue.ack("w1", item.id())).isTrue();
        assertThat(queue.claim("w2", 1, LEASE)).isEmpty();
    }

    @Test
    void releaseHandsTheItemBackForTheGivenTimeAndKeepsTheDeliveryCount() {
        WorkItem item = item(Lane.MEDIUM);
        queue.enqueue(item);
        queue.claim("w1", 1, LEASE);

        assertThat(queue.release("w1", item.id(), START.plusSeconds(5))).isTrue();

        assertThat(queue.claim("w2", 1, LEASE)).isEmpty();
        assertThat(queue.ack("w1", item.id())).isFalse();
        clock.advance(Duration.ofSeconds(5));
        ClaimedItem again = queue.claim("w2", 1, LEASE).getFirst();
        assertThat(again.item().id()).isEqualTo(item.id());
        assertThat(again.deliveries()).isEqualTo(2);
    }

    @Test
    void releaseByANonHolderChangesNothing() {
        WorkItem item = item(Lane.MEDIUM);
        queue.enqueue(item);
        assertThat(queue.release("w1", item.id(), START)).isFalse();
        queue.claim("w1", 1, LEASE);

        assertThat(queue.release("w2", item.id(), START)).isFalse();
        assertThat(queue.release("w1", UUID.randomUUID(), START)).isFalse();

        assertThat(queue.claim("w2", 1, LEASE)).isEmpty();
        assertThat(queue.ack("w1", item.id())).isTrue();
    }

    @Test
    void honoursThePerWorkflowConcurrencyLimit() {
        UUID limited = UUID.randomUUID();
        List<WorkItem> items = List.of(item(Lane.HIGH, limited, 2, START), item(Lane.HIGH, limited, 2, START),
                item(Lane.HIGH, limited, 2, START), item(Lane.HIGH, limited, 2, START));
        items.forEach(queue::enqueue);
        WorkItem other = item(Lane.LOW);
        queue.enqueue(other);

        List<ClaimedItem> first = queue.claim("w1", 10, LEASE);
        assertThat(ids(first)).containsExactly(items.get(0).id(), items.get(1).id(), other.id());
        assertThat(queue.claim("w2", 10, LEASE)).isEmpty();

        queue.ack("w1", items.get(0).id());
        assertThat(ids(queue.claim("w2", 10, LEASE))).containsExactly(items.get(2).id());
        assertThat(queue.claim("w2", 10, LEASE)).isEmpty();
    }

    @Test
    void expiredLeasesNoLongerCountAgainstTheLimit() {
        UUID limited = UUID.randomUUID();
        WorkItem first = item(Lane.MEDIUM, limited, 1, START);
        WorkItem second = item(Lane.MEDIUM, limited, 1, START);
        queue.enqueue(first);
        queue.enqueue(second);
        assertThat(ids(queue.claim("w1", 10, LEASE))).containsExactly(first.id());

        clock.advance(LEASE);
        List<ClaimedItem> after = queue.claim("w2", 10, LEASE);

        // Both are ready now; the expired one counts as ready since its lease ended, so it queues
        // behind the one that waited all along. The limit still holds at one.
        assertThat(ids(after)).containsExactly(second.id());
        assertThat(queue.claim("w3", 10, LEASE)).isEmpty();
        queue.ack("w2", second.id());
        assertThat(ids(queue.claim("w3", 10, LEASE))).containsExactly(first.id());
    }

    @Test
    void itemsWithoutLimitIgnoreOtherItemsLimits() {
        UUID workflow = UUID.randomUUID();
        queue.enqueue(item(Lane.MEDIUM, workflow, 1, START));
        queue.enqueue(item(Lane.MEDIUM, workflow, 0, START));
        queue.enqueue(item(Lane.MEDIUM, workflow, 0, START));

        assertThat(queue.claim("w1", 10, LEASE)).hasSize(3);
    }

    @Test
    void depthCountsReadyDelayedAndLeasedItemsPerLane() {
        queue.enqueue(item(Lane.CRITICAL));
        queue.enqueue(item(Lane.CRITICAL));
        queue.enqueue(item(Lane.LOW, UUID.randomUUID(), 0, START.plusSeconds(60)));
        queue.enqueue(item(Lane.HIGH));
        queue.claim("w1", 1, LEASE);

        Map<Lane, LaneDepth> depth = queue.depth();

        assertThat(depth).containsOnlyKeys(Lane.values());
        assertThat(depth.get(Lane.CRITICAL)).isEqualTo(new LaneDepth(1, 0, 1));
        assertThat(depth.get(Lane.HIGH)).isEqualTo(new LaneDepth(1, 0, 0));
        assertThat(depth.get(Lane.MEDIUM)).isEqualTo(LaneDepth.EMPTY);
        assertThat(depth.get(Lane.LOW)).isEqualTo(new LaneDepth(0, 1, 0));
        clock.advance(Duration.ofSeconds(60));
        assertThat(queue.depth().get(Lane.LOW)).isEqualTo(new LaneDepth(1, 0, 0));
        assertThat(queue.depth().get(Lane.CRITICAL)).isEqualTo(new LaneDepth(2, 0, 0));
    }

    @Test
    void oldestWaitingIsTheAgeOfTheLongestReadyItem() {
        assertThat(queue.oldestWaiting()).isEqualTo(Duration.ZERO);
        queue.enqueue(item(Lane.LOW, UUID.randomUUID(), 0, START.minusSeconds(7)));
        queue.enqueue(item(Lane.CRITICAL));
        queue.enqueue(item(Lane.HIGH, UUID.randomUUID(), 0, START.plusSeconds(100)));

        assertThat(queue.oldestWaiting()).isEqualTo(Duration.ofSeconds(7));
        clock.advance(Duration.ofSeconds(3));
        assertThat(queue.oldestWaiting()).isEqualTo(Duration.ofSeconds(10));
        queue.claim("w1", 10, LEASE);
        assertThat(queue.oldestWaiting()).isEqualTo(Duration.ZERO);
    }

    @Test
    void rejectsClaimArgumentsOutOfRange() {
        assertThatThrownBy(() -> queue.claim("w1", 0, LEASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.claim("w1", 1001, LEASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.claim(" ", 1, LEASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.claim("w1", 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.heartbeat("w1", List.of(), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentClaimersGetEveryItemExactlyOnce() throws Exception {
        int count = 300;
        List<UUID> enqueued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WorkItem item = item(Lane.values()[i % 4]);
            queue.enqueue(item);
            enqueued.add(item.id());
        }
        Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        AtomicInteger refusedAcks = new AtomicInteger();

        runConcurrently(4, worker -> {
            List<ClaimedItem> batch;
            while (!(batch = queue.claim(worker, 7, LEASE)).isEmpty()) {
                for (ClaimedItem claimed : batch) {
                    deliveries.computeIfAbsent(claimed.item().id(), id -> new AtomicInteger()).incrementAndGet();
                    if (!queue.ack(worker, claimed.item().id())) {
                        refusedAcks.incrementAndGet();
                    }
                }
            }
        });

        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(enqueued);
        assertThat(deliveries.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(refusedAcks.get()).isZero();
        assertThat(queue.depth().values()).allSatisfy(d -> assertThat(d).isEqualTo(LaneDepth.EMPTY));
    }

    @Test
    void concurrentClaimersTogetherStayWithinTheWorkflowLimit() throws Exception {
        UUID limited = UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            queue.enqueue(item(Lane.MEDIUM, limited, 3, START));
        }
        AtomicInteger claimed = new AtomicInteger();

        runConcurrently(6, worker -> claimed.addAndGet(queue.claim(worker, 5, LEASE).size()));

        assertThat(claimed.get()).isEqualTo(3);
        assertThat(queue.depth().get(Lane.MEDIUM)).isEqualTo(new LaneDepth(37, 0, 3));
    }

    /** Runs {@code work} on {@code workers} threads that start together, each with its own worker id. */
    protected void runConcurrently(int workers, WorkerTask work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                String worker = "worker-" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    work.run(worker);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    protected interface WorkerTask {
        void run(String workerId) throws Exception;
    }
}
