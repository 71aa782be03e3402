package dev.automateos.server.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.queue.Lane;
import dev.automateos.engine.queue.LaneDepth;
import dev.automateos.engine.queue.WorkItem;
import dev.automateos.server.config.StartupFailure;
import dev.automateos.server.redis.RedisConnections;
import dev.automateos.server.support.RedisServerProcess;
import dev.automateos.testkit.ManualClock;
import dev.automateos.testkit.RequiresRedis;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What only the Redis queue has to get right: writes inside a transaction wait for the commit,
 * and an outage or a restarted (empty) Redis is survived. Runs against a private redis-server that
 * the test kills, never the shared one.
 */
@RequiresRedis
class RedisWorkQueueFailuresIT {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private RedisServerProcess server;
    private RedisConnections redis;
    private RedisWorkQueue queue;
    private final TransactionTemplate tx = new TransactionTemplate(new NoResourceTransactionManager());

    @BeforeEach
    void start() throws Exception {
        server = RedisServerProcess.start(dir.resolve("redis.log"));
        redis = RedisConnections.open(server.url());
        queue = new RedisWorkQueue(redis.commands(), "aos:", Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (redis != null) {
            redis.close();
        }
        server.close();
    }

    private static WorkItem item() {
        return new WorkItem(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Lane.MEDIUM,
                Instant.now().minusSeconds(1), 0, "run");
    }

    @Test
    void enqueueInsideATransactionTakesEffectOnlyAfterTheCommit() {
        WorkItem item = item();

        tx.executeWithoutResult(status -> {
            assertThat(queue.enqueue(item)).isTrue();
            assertThat(queue.withItems(List.of(item.executionId()))).isEmpty();
            assertThat(queue.claim("w1", 10, LEASE)).isEmpty();
        });

        assertThat(queue.withItems(List.of(item.executionId()))).containsExactly(item.executionId());
        assertThat(queue.claim("w1", 10, LEASE)).extracting(c -> c.item().id()).containsExactly(item.id());
    }

    @Test
    void writesOfARolledBackTransactionNeverHappen() {
        WorkItem kept = item();
        queue.enqueue(kept);
        queue.claim("w1", 1, LEASE);

        tx.executeWithoutResult(status -> {
            queue.enqueue(item());
            queue.ack("w1", kept.id());
            status.setRollbackOnly();
        });

        assertThat(queue.depth().get(Lane.MEDIUM).total()).isEqualTo(1);
        assertThat(queue.ack("w1", kept.id())).isTrue();
    }

    @Test
    void ackAndReleaseInsideATransactionWaitForTheCommit() {
        WorkItem acked = item();
        WorkItem released = item();
        queue.enqueue(acked);
        queue.enqueue(released);
        queue.claim("w1", 2, LEASE);

        tx.executeWithoutResult(status -> {
            assertThat(queue.ack("w1", acked.id())).isTrue();
            assertThat(queue.release("w1", released.id(), Instant.now())).isTrue();
            assertThat(queue.depth().get(Lane.MEDIUM).leased()).isEqualTo(2);
        });

        assertThat(queue.claim("w2", 10, LEASE)).extracting(c -> c.item().id()).containsExactly(released.id());
        assertThat(queue.ack("w1", acked.id())).isFalse();
    }

    @Test
    void aWriteThatRedisRefusesAfterTheCommitIsCountedNotThrown() throws Exception {
        server.kill();

        tx.executeWithoutResult(status -> queue.enqueue(item()));

        assertThat(queue.lostWrites()).isEqualTo(1);
    }

    @Test
    void failsFastWhileRedisIsDownAndWorksAgainOnceItIsBackEmpty() throws Exception {
        WorkItem before = item();
        queue.enqueue(before);
        server.kill();

        long start = System.nanoTime();
        assertThatThrownBy(() -> queue.claim("w1", 10, LEASE)).isInstanceOf(RedisException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        server.startAgain();
        WorkItem after = item();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!redis.connected() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // The restarted server forgot the scripts too: EVALSHA falls back to EVAL.
        assertThat(queue.enqueue(after)).isTrue();
        assertThat(queue.claim("w1", 10, LEASE)).extracting(c -> c.item().id()).containsExactly(after.id());
        assertThat(queue.withItems(List.of(before.executionId()))).isEmpty();
    }

    @Test
    void anItemWhoseHashWasEvictedIsSkippedNotFatal() {
        WorkItem evicted = item();
        WorkItem kept = item();
        queue.enqueue(evicted);
        queue.enqueue(kept);
        redis.commands().sync().del("aos:item:" + evicted.id());

        assertThat(queue.claim("w1", 10, LEASE)).extracting(c -> c.item().id()).containsExactly(kept.id());
        assertThat(queue.depth().get(Lane.MEDIUM).ready()).isZero();
    }

    @Test
    void transactionsKeepTheirOwnWritesWhenOneIsSuspendedForAnother() {
        WorkItem outer = item();
        WorkItem inner = item();
        TransactionTemplate requiresNew = new TransactionTemplate(tx.getTransactionManager());
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        tx.executeWithoutResult(status -> {
            queue.enqueue(outer);
            requiresNew.executeWithoutResult(innerStatus -> queue.enqueue(inner));
            assertThat(queue.withItems(List.of(inner.executionId(), outer.executionId())))
                    .as("the inner transaction committed; the outer one did not yet").containsExactly(inner.executionId());
            status.setRollbackOnly();
        });

        assertThat(queue.withItems(List.of(inner.executionId(), outer.executionId())))
                .containsExactly(inner.executionId());
    }

    private void restartEmpty() throws Exception {
        server.kill();
        server.startAgain();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                redis.commands().sync().ping();
                return;
            } catch (RedisException notYet) {
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aLeaseRedisLostWhileTheWorkerIsStillAtItComesBackWithTheNextHeartbeat() throws Exception {
        WorkItem working = item();
        WorkItem acked = item();
        queue.enqueue(working);
        queue.enqueue(acked);
        queue.claim("w1", 2, LEASE);
        queue.ack("w1", acked.id());

        restartEmpty();

        assertThat(queue.heartbeat("w1", List.of(working.id(), acked.id()), LEASE)).containsExactly(working.id());
        assertThat(queue.withItems(List.of(working.executionId(), acked.executionId())))
                .containsExactly(working.executionId());
        assertThat(queue.claim("w2", 10, LEASE)).isEmpty();
        assertThat(queue.depth().get(Lane.MEDIUM)).isEqualTo(new LaneDepth(0, 0, 1));
        assertThat(queue.ack("w1", working.id())).isTrue();
        assertThat(queue.depth().get(Lane.MEDIUM).total()).isZero();
    }

    @Test
    void aHeartbeatPutsNothingBackThatAnotherWorkerTookAndAckedWhileRedisKeptItsData() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
        RedisWorkQueue here = new RedisWorkQueue(redis.commands(), "aos:", clock);
        RedisWorkQueue otherProcess = new RedisWorkQueue(redis.commands(), "aos:", clock);
        WorkItem item = new WorkItem(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Lane.HIGH,
                clock.instant(), 0, "run");
        here.enqueue(item);
        here.claim("w1", 1, LEASE);
        clock.advance(LEASE.plusSeconds(1));
        assertThat(otherProcess.claim("w2", 1, LEASE)).hasSize(1);
        assertThat(otherProcess.ack("w2", item.id())).isTrue();

        assertThat(here.heartbeat("w1", List.of(item.id()), LEASE)).isEmpty();
        assertThat(here.withItems(List.of(item.executionId()))).isEmpty();
    }

    @Test
    void startingWithoutRedisFailsWithOneClearLine() throws Exception {
        server.kill();

        assertThatThrownBy(() -> RedisConnections.open(server.url()))
                .isInstanceOf(RedisConnectionException.class)
                .satisfies(e -> assertThat(StartupFailure.describe(e))
                        .startsWith("cannot reach Redis: ").contains("AUTOMATEOS_REDIS_URL"));
    }

    /** Transactions with nothing behind them: only the synchronization callbacks matter here. */
    private static final class NoResourceTransactionManager extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
