package dev.automateos.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class GroupCommitTest {

    private JdbcClient jdbc;
    private TransactionTemplate tx;
    private SimpleMeterRegistry meters;
    private GroupCommit commits;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:group" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table rows_written (id int primary key)").update();
        tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        meters = new SimpleMeterRegistry();
        commits = new GroupCommit(tx, meters);
    }

    private int insert(int id) {
        return jdbc.sql("insert into rows_written (id) values (?)").param(id).update();
    }

    private long rows() {
        return jdbc.sql("select count(*) from rows_written").query(Long.class).single();
    }

    @Test
    void aLoneCallerCommitsAtOnceAndGetsItsResult() {
        assertThat(commits.run(() -> insert(1))).isEqualTo(1);

        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void concurrentCallersAreAllCommittedInFewerTransactionsThanCallers() throws Exception {
        int callers = 200;
        var start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                int id = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return commits.run(() -> insert(id));
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(1);
            }
        }

        assertThat(rows()).isEqualTo(callers);
        var batches = meters.get("automateos.store.group.commit.size").summary();
        assertThat(batches.totalAmount()).isEqualTo(callers);
        assertThat(batches.count()).isLessThan(callers);
    }

    @Test
    void aFailingUnitFailsOnlyItsOwnCaller() throws Exception {
        insert(7);
        var start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                int id = i + 1; // 7 is taken
                results.add(pool.submit(() -> {
                    start.await();
                    return commits.run(() -> insert(id));
                }));
            }
            start.countDown();
            for (int i = 0; i < results.size(); i++) {
                if (i + 1 == 7) {
                    Future<Integer> duplicate = results.get(i);
                    assertThatThrownBy(duplicate::get).hasCauseInstanceOf(DuplicateKeyException.class);
                } else {
                    assertThat(results.get(i).get()).isEqualTo(1);
                }
            }
        }

        assertThat(rows()).isEqualTo(50);
    }

    @Test
    void insideATransactionTheUnitJoinsItAndRollsBackWithIt() {
        tx.executeWithoutResult(status -> {
            commits.run(() -> insert(1));
            status.setRollbackOnly();
        });

        assertThat(rows()).isZero();
    }

    @Test
    void aFailureIsRethrownAsItWas() {
        assertThatThrownBy(() -> commits.run(() -> {
            throw new IllegalStateException("broken unit");
        })).isInstanceOf(IllegalStateException.class).hasMessage("broken unit");
        assertThat(commits.run(() -> insert(2))).isEqualTo(1);
    }
}
