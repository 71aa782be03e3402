package dev.automateos.server.config;

import dev.automateos.server.cli.VersionProvider;
import dev.automateos.server.crypto.MasterKey;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, once start-up is done, where the server listens, which database it uses and where data lives. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger("automateos");

    private final AutomateOsProperties properties;
    private final DataSource dataSource;
    private final MasterKey masterKey;

    StartupReport(AutomateOsProperties properties, DataSource dataSource, MasterKey masterKey) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.masterKey = masterKey;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : properties.port();
        String host = properties.host().contains(":") ? "[" + properties.host() + "]" : properties.host();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        log.info("AutomateOS {} ready in {} ms", VersionProvider.version(), uptime);
        log.info("  listening on  http://{}:{}/", host, port);
        log.info("  database      {}", describeDatabase());
        log.info("  data dir      {}", properties.dataDir());
        log.info("  roles         {}{}", properties.activeRoles().stream().map(ProcessRole::wireName)
                .collect(Collectors.joining(", ")), properties.activeRoles().equals(properties.roles()) ? ""
                : " (every role: the embedded database serves one process; queue mode needs PostgreSQL)");
        log.info("  master key    {} (fingerprint {})", masterKey.source(), masterKey.fingerprint());
        if (properties.queue().broker() == AutomateOsProperties.Queue.Broker.REDIS) {
            var redis = io.lettuce.core.RedisURI.create(properties.redis().url()); // host and port only: no password
            log.info("  queue         Redis at {}:{}, keys {}*", redis.getHost(), redis.getPort(),
                    properties.redis().keyPrefix());
        }
    }

    private String describeDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at "
                    + DatabaseUrls.redact(meta.getURL());
        } catch (SQLException e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }
}
