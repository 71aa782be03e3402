package dev.automateos.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.events.EventBus.Subscription;
import dev.automateos.server.events.EventBus.Topic;
import dev.automateos.server.store.PostgresNotifications;
import dev.automateos.testkit.RequiresPostgres;
import dev.automateos.testkit.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract on one PostgreSQL bus, and what only a cross-process bus must do: reach the other process. */
@RequiresPostgres
class PostgresEventBusIT extends EventBusContract {

    private final List<PostgresNotifications> opened = new ArrayList<>();

    private PostgresNotifications notifications() {
        var notifications = new PostgresNotifications(TestPostgres.schemaUrl(), TestPostgres.USER, TestPostgres.PASSWORD);
        opened.add(notifications);
        return notifications;
    }

    @AfterEach
    void close() {
        opened.forEach(PostgresNotifications::close);
    }

    @Override
    protected EventBus newBus() {
        var notifications = notifications();
        var bus = new PostgresEventBus(notifications, buffer());
        notifications.start();
        return bus;
    }

    @Override
    protected int buffer() {
        return 16;
    }

    /** Two processes, as far as the bus can tell: each with its own connections and origin. */
    private List<PostgresEventBus> twoProcesses() throws InterruptedException {
        var first = notifications();
        var second = notifications();
        var buses = List.of(new PostgresEventBus(first, 1_024), new PostgresEventBus(second, 1_024));
        first.start();
        second.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(first.listening() && second.listening()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return buses;
    }

    private static LiveEvent finished(UUID execution, UUID workflow, String message) {
        return new LiveEvent.ExecutionFinished(execution, workflow, "failed", 12L,
                new LiveEvent.ErrorInfo("boom", message), Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void anEventPublishedInOneProcessReachesTheOthersSubscribersOnce() throws Exception {
        var buses = twoProcesses();
        UUID execution = UUID.randomUUID();
        UUID workflow = UUID.randomUUID();
        try (Subscription here = buses.get(0).subscribe(Topic.execution(execution));
             Subscription there = buses.get(1).subscribe(Topic.workflow(workflow))) {
            buses.get(0).publish(finished(execution, workflow, "it broke"));

            assertThat(there.next(Duration.ofSeconds(5))).isEqualTo(finished(execution, workflow, "it broke"));
            assertThat(here.next(Duration.ofSeconds(1))).isEqualTo(finished(execution, workflow, "it broke"));
            // Its own event comes back over NOTIFY too, and is skipped: no duplicate.
            assertThat(here.next(Duration.ofSeconds(1))).isNull();
            assertThat(there.next(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void keepsOneExecutionsOrderAcrossProcessesAndCutsLongMessages() throws Exception {
        var buses = twoProcesses();
        UUID execution = UUID.randomUUID();
        try (Subscription there = buses.get(1).subscribe(Topic.execution(execution))) {
            for (int attempt = 1; attempt <= 200; attempt++) {
                buses.get(0).publish(new LiveEvent.StepStarted(execution, UUID.randomUUID(), "s", "s", "S", attempt,
                        Instant.EPOCH));
            }
            buses.get(0).publish(finished(execution, UUID.randomUUID(), "x".repeat(20_000)));
            List<Integer> attempts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                attempts.add(((LiveEvent.StepStarted) there.next(Duration.ofSeconds(5))).attempt());
            }
            var last = (LiveEvent.ExecutionFinished) there.next(Duration.ofSeconds(5));

            assertThat(attempts).isSorted().hasSize(200).startsWith(1);
            assertThat(last.error().message()).hasSize(LiveEventCodec.MAX_MESSAGE + 1).endsWith("…");
        }
    }

    @Test
    void reachesOtherProcesses() {
        assertThat(newBus().reachesOtherProcesses()).isTrue();
        assertThat(new InProcessEventBus().reachesOtherProcesses()).isFalse();
    }
}
