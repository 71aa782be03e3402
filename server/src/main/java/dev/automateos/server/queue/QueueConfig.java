package dev.automateos.server.queue;

import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.store.SqlDialect;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The work queue in the application's own database (standalone, and queue mode on PostgreSQL). */
@Configuration(proxyBeanMethods = false)
class QueueConfig {

    @Bean
    WorkQueue workQueue(DataSource dataSource, SqlDialect dialect, Clock clock) {
        return new JdbcWorkQueue(dataSource, dialect, clock);
    }
}
