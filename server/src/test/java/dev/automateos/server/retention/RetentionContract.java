package dev.automateos.server.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.store.SqlDialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pruning on a real, migrated database with rows inserted directly: what goes, what stays. Each
 * database runs it through a near-empty subclass that supplies an emptied data source.
 */
abstract class RetentionContract {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final int BATCH = 7; // small, so every test needs several batches

    protected abstract DataSource dataSource();

    private JdbcClient jdbc;

    @BeforeEach
    void empty() {
        jdbc = JdbcClient.create(dataSource());
        jdbc.sql("delete from executions").update();
    }

    RetentionJob job(Duration maxAge, int maxPerWorkflow) {
        var settings = new RetentionProperties(true, maxAge, maxPerWorkflow, Duration.ofHours(1), BATCH);
        return new RetentionJob(settings, jdbc, dataSource(), SqlDialect.of(dataSource()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void deletesFinishedExecutionsOlderThanTheMaxAgeAndKeepsNewerOnes() throws Exception {
        UUID workflow = UUID.randomUUID();
        List<UUID> old = new ArrayList<>();
        for (String status : List.of("succeeded", "failed", "cancelled")) {
            for (int i = 0; i < 6; i++) {
                old.add(insert(workflow, status, NOW.minus(Duration.ofDays(40 + i)), NOW.minus(Duration.ofDays(31))));
            }
        }
        UUID recent = insert(workflow, "succeeded", NOW.minus(Duration.ofDays(29)), NOW.minus(Duration.ofDays(29)));

        RetentionJob.Run run = job(Duration.ofDays(30), 1000).runOnce();

        assertThat(run).isEqualTo(new RetentionJob.Run(18, 0, false));
        assertThat(ids()).containsExactly(recent);
    }

    @Test
    void neverDeletesQueuedRunningOrWaitingExecutionsHoweverOld() throws Exception {
        UUID workflow = UUID.randomUUID();
        List<UUID> unfinished = new ArrayList<>();
        for (String status : List.of("queued", "running", "waiting")) {
            for (int i = 0; i < 10; i++) {
                unfinished.add(insert(workflow, status, NOW.minus(Duration.ofDays(400 + i)), null));
            }
        }

        RetentionJob.Run run = job(Duration.ofDays(1), 1).runOnce();

        assertThat(run).isEqualTo(new RetentionJob.Run(0, 0, false));
        assertThat(ids()).containsExactlyInAnyOrderElementsOf(unfinished);
    }

    @Test
    void ageCountsFromTheFinishSoALongWaitThatEndedRecentlyIsKept() throws Exception {
        UUID workflow = UUID.randomUUID();
        UUID longWait = insert(workflow, "succeeded", NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofHours(2)));

        job(Duration.ofDays(30), 1000).runOnce();

        assertThat(ids()).containsExactly(longWait);
    }

    @Test
    void keepsOnlyTheNewestFinishedExecutionsOfEachWorkflow() throws Exception {
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        List<UUID> busyFinished = new ArrayList<>(); // oldest first
        for (int i = 0; i < 40; i++) {
            Instant created = NOW.minus(Duration.ofMinutes(100 - i));
            busyFinished.add(insert(busy, i % 3 == 0 ? "failed" : "succeeded", created, created.plusSeconds(1)));
        }
        List<UUID> busyUnfinished = List.of(insert(busy, "waiting", NOW.minus(Duration.ofDays(2)), null),
                insert(busy, "running", NOW.minus(Duration.ofMinutes(200)), null));
        List<UUID> quietRows = List.of(insert(quiet, "succeeded", NOW.minus(Duration.ofHours(3)), NOW),
                insert(quiet, "failed", NOW.minus(Duration.ofHours(2)), NOW));

        RetentionJob.Run run = job(Duration.ofDays(30), 15).runOnce();

        assertThat(run).isEqualTo(new RetentionJob.Run(0, 25, false));
        var expected = new ArrayList<>(busyFinished.subList(25, 40));
        expected.addAll(busyUnfinished);
        expected.addAll(quietRows);
        assertThat(ids()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void executionsCreatedAtTheSameInstantAreCutByIdWithoutLosingOneTooMany() throws Exception {
        UUID workflow = UUID.randomUUID();
        Instant same = NOW.minus(Duration.ofHours(1));
        for (int i = 0; i < 12; i++) {
            insert(workflow, "succeeded", same, same);
        }

        RetentionJob.Run run = job(Duration.ofDays(30), 5).runOnce();

        assertThat(run.byCount()).isEqualTo(7);
        assertThat(ids()).hasSize(5);
    }

    @Test
    void aSecondRunFindsNothingLeftToDelete() throws Exception {
        UUID workflow = UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            Instant created = NOW.minus(Duration.ofDays(i * 3L));
            insert(workflow, "succeeded", created, created);
        }
        RetentionJob job = job(Duration.ofDays(30), 8);

        RetentionJob.Run first = job.runOnce();
        RetentionJob.Run second = job.runOnce();

        assertThat(first.byAge() + first.byCount()).isEqualTo(12);
        assertThat(second).isEqualTo(new RetentionJob.Run(0, 0, false));
        assertThat(ids()).hasSize(8);
    }

    UUID insert(UUID workflow, String status, Instant created, Instant finished) {
        UUID id = UUID.randomUUID();
        new JdbcTemplate(dataSource()).update("insert into executions (id, workflow_id, workflow_version, owner_id, "
                        + "trigger_kind, status, created_at, started_at, finished_at, state, revision) "
                        + "values (?, ?, 1, ?, 'manual', ?, ?, ?, ?, '{}', 0)",
                id, workflow, UUID.randomUUID(), status, time(created), time(created), time(finished));
        return id;
    }

    List<UUID> ids() {
        return jdbc.sql("select id from executions").query(UUID.class).list();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
