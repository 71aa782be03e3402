package dev.automateos.server.queue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.automateos.engine.queue.Lane;
import dev.automateos.engine.queue.WorkItem;
import dev.automateos.server.store.SqlDialect;
import java.io.PrintStream;
import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * The child process of {@link H2KillNineIT}: enqueues items into a file database as fast as it
 * can and prints each id once {@code enqueue} has returned, that is, once it was acknowledged.
 * It runs until it is killed.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcWorkQueue queue = new JdbcWorkQueue(dataSource, SqlDialect.of(dataSource), Clock.systemUTC());
        PrintStream out = System.out;
        out.println("ready");
        out.flush();
        while (true) {
            WorkItem item = new WorkItem(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Lane.MEDIUM,
                    Clock.systemUTC().instant(), 0, "crash-test");
            queue.enqueue(item);
            out.println(item.id());
            out.flush();
        }
    }
}
