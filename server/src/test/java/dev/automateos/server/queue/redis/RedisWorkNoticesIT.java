package dev.automateos.server.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.queue.Lane;
import dev.automateos.engine.queue.WorkItem;
import dev.automateos.server.redis.RedisConnections;
import dev.automateos.server.support.RedisKeys;
import dev.automateos.testkit.RequiresRedis;
import dev.automateos.testkit.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wake-ups across processes: what the queue makes ready now is announced; what is delayed is not. */
@RequiresRedis
class RedisWorkNoticesIT {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final String prefix = TestRedis.newPrefix();
    private RedisConnections enqueuer;
    private RedisConnections worker;
    private RedisWorkQueue queue;
    private final Semaphore notices = new Semaphore(0);

    @BeforeEach
    void connect() {
        enqueuer = RedisConnections.open(TestRedis.URL);
        worker = RedisConnections.open(TestRedis.URL);
        queue = new RedisWorkQueue(enqueuer.commands(), prefix, Clock.systemUTC());
        new RedisWorkNotices(worker, prefix).onWork(notices::release);
    }

    @AfterEach
    void close() {
        RedisKeys.deleteAll(enqueuer.commands().sync(), prefix);
        enqueuer.close();
        worker.close();
    }

    private static WorkItem item(Instant availableAt) {
        return new WorkItem(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Lane.HIGH, availableAt, 0, "run");
    }

    @Test
    void aWorkerInAnotherProcessHearsOfReadyWorkAtOnce() throws Exception {
        long start = System.nanoTime();
        queue.enqueue(item(Instant.now()));

        assertThat(notices.tryAcquire(2, TimeUnit.SECONDS)).isTrue();
        System.out.printf("redis wake-up: %d µs from enqueue to notice%n", (System.nanoTime() - start) / 1_000);
    }

    @Test
    void delayedWorkAndDuplicatesAreNotAnnounced() throws Exception {
        WorkItem ready = item(Instant.now());
        queue.enqueue(ready);
        assertThat(notices.tryAcquire(2, TimeUnit.SECONDS)).isTrue();

        queue.enqueue(item(Instant.now().plusSeconds(60)));
        queue.enqueue(ready);

        assertThat(notices.tryAcquire(300, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void anItemReleasedForNowIsAnnouncedAgain() throws Exception {
        WorkItem item = item(Instant.now());
        queue.enqueue(item);
        assertThat(notices.tryAcquire(2, TimeUnit.SECONDS)).isTrue();
        queue.claim("w1", 1, LEASE);

        queue.release("w1", item.id(), Instant.now());

        assertThat(notices.tryAcquire(2, TimeUnit.SECONDS)).isTrue();
    }
}
