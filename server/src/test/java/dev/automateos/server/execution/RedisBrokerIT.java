package dev.automateos.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.JdbcUserStore;
import dev.automateos.server.auth.JwtService;
import dev.automateos.server.auth.Role;
import dev.automateos.server.auth.User;
import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.events.EventBus;
import dev.automateos.server.events.RedisEventBus;
import dev.automateos.server.queue.BrokerInventory;
import dev.automateos.server.queue.redis.RedisWorkQueue;
import dev.automateos.server.redis.RedisConnections;
import dev.automateos.server.support.RedisKeys;
import dev.automateos.server.support.TestHttp;
import dev.automateos.testkit.RequiresRedis;
import dev.automateos.testkit.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole server with the Redis broker (on an in-memory H2, one process): executions run through
 * Redis, and when Redis loses every item (as after a restart on an empty data set) the reconciler
 * queues the unfinished executions again; a waiting one gets its wait timer back and ends once.
 * The reconciler's own loop is slowed to an hour, so the test drives its passes.
 */
@RequiresRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "automateos.data-dir=target/test-data-redis",
    "automateos.db.url=jdbc:h2:mem:redis-broker-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "automateos.queue.broker=redis",
    "automateos.redis.reconcile-interval=1h",
    "automateos.redis.reconcile-grace=0s",
})
class RedisBrokerIT {

    private static final String PREFIX = TestRedis.newPrefix();
    private static final String PASSWORD_HASH = new BCryptPasswordEncoder(4).encode("not used here");

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("automateos.redis.url", () -> TestRedis.URL);
        registry.add("automateos.redis.key-prefix", () -> PREFIX);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcUserStore users;
    @Autowired
    JwtService jwt;
    @Autowired
    BrokerReconciler reconciler;
    @Autowired
    RedisConnections redis;
    @Autowired
    ExecutionStore store;
    @Autowired
    ExecutionQueueing queueing;

    private TestHttp http;
    private String token;

    @BeforeEach
    void user() {
        http = new TestHttp(port);
        Instant now = Instant.now();
        String name = "redis-" + UUID.randomUUID().toString().substring(0, 8);
        User user = new User(UUID.randomUUID(), name, name + "@example.test", PASSWORD_HASH, Role.USER, true, 0, null,
                now, now);
        users.insert(user);
        token = jwt.issue(user.id(), name, Role.USER).value();
    }

    @AfterAll
    static void deleteKeys() {
        try (RedisConnections connections = RedisConnections.open(TestRedis.URL)) {
            RedisKeys.deleteAll(connections.commands().sync(), PREFIX);
        }
    }

    private String workflow(String waitSeconds) {
        String document = """
                {"schema_version": 1, "name": "wait-%s", "trigger": {"id": "trigger", "type": "trigger.manual",
                 "version": 1, "name": "Manual", "config": {}},
                 "nodes": [{"id": "first", "type": "transform.set", "version": 1, "name": "First",
                            "config": {"fields": {"at": "{{ $now }}"}}},
                           {"id": "pause", "type": "core.wait", "version": 1, "name": "Pause",
                            "config": {"duration": "%s"}},
                           {"id": "last", "type": "transform.set", "version": 1, "name": "Last",
                            "config": {"fields": {"first_at": "{{ $nodes.First.at }}"}}}],
                 "connections": [{"from": "trigger", "to": "first"}, {"from": "first", "to": "pause"},
                                 {"from": "pause", "to": "last"}]}""".formatted(UUID.randomUUID(), waitSeconds);
        return http.post("/api/v1/workflows").token(token).body("application/json", document).send()
                .expectStatus(201).json().path("id").asString();
    }

    private String run(String workflowId) {
        return http.post("/api/v1/workflows/" + workflowId + "/run").token(token).body("application/json", "{}")
                .send().expectStatus(202).json().path("id").asString();
    }

    private JsonNode awaitStatus(String executionId, String status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode execution;
        do {
            execution = http.get("/api/v1/executions/" + executionId).token(token).send().expectStatus(200).json();
            if (status.equals(execution.path("status").asString())) {
                return execution;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("execution " + executionId + " not " + status + " within " + within + ": " + execution);
    }

    private void awaitWakeUpItem(String executionId) throws InterruptedException {
        UUID id = UUID.fromString(executionId);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!((BrokerInventory) queue).withItems(List.of(id)).contains(id)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the wait of " + executionId + " has no item in Redis");
            }
            Thread.sleep(20);
        }
    }

    @Autowired
    WorkQueue queue;
    @Autowired
    EventBus bus;

    @Test
    void theRedisBrokerBringsTheRedisEventBusWhenTheBusIsAuto() {
        assertThat(queue).isInstanceOf(RedisWorkQueue.class);
        assertThat(bus).isInstanceOf(RedisEventBus.class);
        assertThat(http.get("/health/readiness").send().status()).isEqualTo(200);
    }

    @Test
    void runsExecutionsThroughRedis() throws Exception {
        String execution = run(workflow("0.2"));

        JsonNode done = awaitStatus(execution, "succeeded", Duration.ofSeconds(20));

        assertThat(done.path("steps").valueStream().map(s -> s.path("id").asString()))
                .containsExactly("trigger", "first", "pause", "last");
    }

    @Test
    void aWaitingExecutionThatRedisLostIsQueuedAgainAndResumesItsWaitOnce() throws Exception {
        String execution = run(workflow("3"));
        JsonNode waiting = awaitStatus(execution, "waiting", Duration.ofSeconds(20));
        awaitWakeUpItem(execution); // written after the commit, so it may lag behind the status

        RedisKeys.deleteAll(redis.commands().sync(), PREFIX); // as if Redis restarted empty
        assertThat(reconciler.reconcile()).as("the first pass only notes what lacks an item").isZero();
        assertThat(reconciler.reconcile()).isEqualTo(1);
        assertThat(reconciler.reconcile()).as("queued once, and it has its item now").isZero();

        JsonNode done = awaitStatus(execution, "succeeded", Duration.ofSeconds(20));
        JsonNode first = step(done, "first");
        assertThat(first.path("finished_at")).isEqualTo(step(waiting, "first").path("finished_at"));
        assertThat(first.path("attempts").asInt()).isEqualTo(1);
        assertThat(step(done, "pause").path("attempts").asInt()).isEqualTo(1);
        assertThat(step(done, "last").path("output").path("first_at")).isEqualTo(first.path("output").path("at"));
    }

    @Test
    void aRecoveryItemForARevisionThatWasSavedSinceIsDropped() throws Exception {
        String execution = run(workflow("6")); // the wait outlasts the check below
        awaitStatus(execution, "waiting", Duration.ofSeconds(20));
        ExecutionRecord current = store.find(UUID.fromString(execution)).orElseThrow();
        ExecutionRecord older = new ExecutionRecord(current.state(), current.ownerId(), current.triggerKind(),
                current.idempotencyKey(), current.draftDefinition(), current.revision() - 1);
        UUID itemId = UUID.nameUUIDFromBytes((execution + "/recover/" + older.revision()).getBytes());

        queueing.enqueueRecovery(older, Instant.now());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (redis.commands().sync().exists(PREFIX + "item:" + itemId) == 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(redis.commands().sync().exists(PREFIX + "item:" + itemId)).as("claimed and acked").isZero();
        // Taken as stale: a resume would have saved the execution (its timers) and moved the revision.
        assertThat(store.find(current.id()).orElseThrow().revision()).isEqualTo(current.revision());
        awaitStatus(execution, "succeeded", Duration.ofSeconds(20));
    }

    private static JsonNode step(JsonNode execution, String id) {
        return execution.path("steps").valueStream().filter(s -> id.equals(s.path("id").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + id + " in " + execution));
    }
}
