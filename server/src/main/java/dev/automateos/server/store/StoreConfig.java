package dev.automateos.server.store;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class StoreConfig {

    @Bean
    SqlDialect sqlDialect(DataSource dataSource) {
        return SqlDialect.of(dataSource);
    }

    /** NOTIFY between the processes sharing one PostgreSQL, on connections of its own. */
    @Bean
    @Conditional(OnPostgres.class)
    PostgresNotifications postgresNotifications(Environment env) {
        return new PostgresNotifications(env.getProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username", ""), env.getProperty("spring.datasource.password", ""));
    }
}
