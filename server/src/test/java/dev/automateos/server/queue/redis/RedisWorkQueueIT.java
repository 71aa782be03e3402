package dev.automateos.server.queue.redis;

import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.redis.RedisConnections;
import dev.automateos.server.support.RedisKeys;
import dev.automateos.testkit.ManualClock;
import dev.automateos.testkit.RequiresRedis;
import dev.automateos.testkit.TestRedis;
import dev.automateos.testkit.queue.WorkQueueContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The contract suite on a real Redis; each test has a key prefix of its own. */
@RequiresRedis
class RedisWorkQueueIT extends WorkQueueContract {

    private static RedisConnections redis;
    private String prefix;

    @BeforeAll
    static void connect() {
        redis = RedisConnections.open(TestRedis.URL);
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @AfterEach
    void deleteKeys() {
        RedisKeys.deleteAll(redis.commands().sync(), prefix);
    }

    @Override
    protected WorkQueue createQueue(ManualClock clock) {
        prefix = TestRedis.newPrefix();
        return new RedisWorkQueue(redis.commands(), prefix, clock);
    }
}
