package dev.automateos.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.events.EventBus.Subscription;
import dev.automateos.server.events.EventBus.Topic;
import dev.automateos.server.redis.RedisConnections;
import dev.automateos.testkit.RequiresRedis;
import dev.automateos.testkit.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract on one Redis bus, and what only a cross-process bus must do: reach the other process. */
@RequiresRedis
class RedisEventBusIT extends EventBusContract {

    private final String prefix = TestRedis.newPrefix();
    private final List<RedisConnections> opened = new ArrayList<>();

    /** A process's own client, as each AutomateOS process has one. */
    private RedisConnections connections() {
        var connections = RedisConnections.open(TestRedis.URL);
        opened.add(connections);
        return connections;
    }

    @AfterEach
    void close() {
        opened.forEach(RedisConnections::close);
    }

    @Override
    protected EventBus newBus() {
        return new RedisEventBus(connections(), prefix, buffer());
    }

    @Override
    protected int buffer() {
        return 16;
    }

    private static LiveEvent finished(UUID execution, UUID workflow, String message) {
        return new LiveEvent.ExecutionFinished(execution, workflow, "failed", 12L,
                new LiveEvent.ErrorInfo("boom", message), Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void anEventPublishedInOneProcessReachesTheOthersSubscribersOnce() throws Exception {
        var here = new RedisEventBus(connections(), prefix, 1_024);
        var there = new RedisEventBus(connections(), prefix, 1_024);
        UUID execution = UUID.randomUUID();
        UUID workflow = UUID.randomUUID();
        try (Subscription mine = here.subscribe(Topic.execution(execution));
             Subscription theirs = there.subscribe(Topic.workflow(workflow))) {
            here.publish(finished(execution, workflow, "it broke"));

            assertThat(theirs.next(Duration.ofSeconds(5))).isEqualTo(finished(execution, workflow, "it broke"));
            assertThat(mine.next(Duration.ofSeconds(1))).isEqualTo(finished(execution, workflow, "it broke"));
            // Its own event comes back over pub/sub too, and is skipped: no duplicate.
            assertThat(mine.next(Duration.ofSeconds(1))).isNull();
            assertThat(theirs.next(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void keepsOneExecutionsOrderAcrossProcessesAndCutsLongMessages() throws Exception {
        var here = new RedisEventBus(connections(), prefix, 1_024);
        var there = new RedisEventBus(connections(), prefix, 1_024);
        UUID execution = UUID.randomUUID();
        try (Subscription theirs = there.subscribe(Topic.execution(execution))) {
            for (int attempt = 1; attempt <= 200; attempt++) {
                here.publish(new LiveEvent.StepStarted(execution, UUID.randomUUID(), "s", "s", "S", attempt,
                        Instant.EPOCH));
            }
            here.publish(finished(execution, UUID.randomUUID(), "x".repeat(20_000)));
            List<Integer> attempts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                attempts.add(((LiveEvent.StepStarted) theirs.next(Duration.ofSeconds(5))).attempt());
            }
            var last = (LiveEvent.ExecutionFinished) theirs.next(Duration.ofSeconds(5));

            assertThat(attempts).isSorted().hasSize(200).startsWith(1);
            assertThat(last.error().message()).hasSize(LiveEventCodec.MAX_MESSAGE + 1).endsWith("…");
        }
    }

    @Test
    void installationsWithOtherPrefixesDoNotHearEachOther() throws Exception {
        var ours = new RedisEventBus(connections(), prefix, 1_024);
        var theirs = new RedisEventBus(connections(), TestRedis.newPrefix(), 1_024);
        UUID execution = UUID.randomUUID();
        try (Subscription subscription = theirs.subscribe(Topic.execution(execution))) {
            ours.publish(finished(execution, UUID.randomUUID(), "not yours"));

            assertThat(subscription.next(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void reachesOtherProcesses() {
        assertThat(newBus().reachesOtherProcesses()).isTrue();
    }
}
