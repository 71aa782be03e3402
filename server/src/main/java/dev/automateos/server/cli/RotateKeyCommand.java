package dev.automateos.server.cli;

import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.InvalidSettingException;
import dev.automateos.server.config.StartupFailure;
import dev.automateos.server.credential.CredentialKeyRotation;
import dev.automateos.server.crypto.MasterKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Replaces the master key: re-encrypts every credential in one transaction, then installs the
 * new key. Works on the database directly (a small Spring context without a web server, for the
 * same settings and DataSource as the server), so the server must be stopped.
 */
@Command(name = "rotate-key", mixinStandardHelpOptions = true,
        description = {"Replace the master encryption key and re-encrypt every credential with it.",
            "",
            "STOP THE SERVER FIRST (all servers and workers sharing the database). The credentials are "
                    + "re-encrypted in one transaction: on any error nothing changes. Then the new key is "
                    + "installed: master.key is replaced (the old one is kept as master.key.<time>.bak), or, when "
                    + "the key comes from AUTOMATEOS_ENCRYPTION_KEY, you must set that variable to the new key "
                    + "before restarting.",
            "",
            "Access tokens are signed with a key derived from the master key: after a rotation every user "
                    + "has to log in again. Back up the database and the old key first."},
        sortOptions = false)
public final class RotateKeyCommand implements Callable<Integer> {

    @Option(names = "--data-dir", description = "Data directory of the server (default ./data).")
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL of an external PostgreSQL database.")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (or set AUTOMATEOS_DB_PASSWORD).")
    String dbPassword;

    @ArgGroup(exclusive = true)
    NewKey newKey = new NewKey();

    static final class NewKey {
        @Option(names = "--new-key", paramLabel = "BASE64",
                description = "The new key, 32 bytes in base64 (default: a freshly generated one).")
        String base64;

        @Option(names = "--new-key-file", paramLabel = "FILE", description = "Read the new key (base64) from a file.")
        Path file;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] next;
        try {
            next = newKeyBytes();
        } catch (InvalidSettingException e) {
            err.println("automateos: " + e.setting() + " " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try (ConfigurableApplicationContext context = boot()) {
            return new KeyRotationRun(context.getBean(AutomateOsProperties.class), context.getBean(DataSource.class),
                    context.getBean(CredentialKeyRotation.class), out, err).run(next, newKey.base64 == null
                    && newKey.file == null);
        } catch (RuntimeException failure) {
            err.println("automateos: " + StartupFailure.describe(failure));
            return StartupFailure.exitCode(failure);
        }
    }

    private byte[] newKeyBytes() {
        if (newKey.base64 == null && newKey.file == null) {
            return MasterKey.generate();
        }
        String setting = newKey.file != null ? "--new-key-file " + newKey.file : "--new-key";
        String text = newKey.base64;
        if (newKey.file != null) {
            try {
                text = Files.readString(newKey.file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new InvalidSettingException(setting, "cannot be read: " + e.getMessage());
            }
        }
        try {
            byte[] key = Base64.getDecoder().decode(text.trim());
            if (key.length == 32) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below, without echoing the value
        }
        throw new InvalidSettingException(setting, "must be 32 bytes in base64; generate one with "
                + "'openssl rand -base64 32'");
    }

    private ConfigurableApplicationContext boot() {
        Map<String, Object> flags = new LinkedHashMap<>();
        put(flags, "automateos.data-dir", dataDir);
        put(flags, "automateos.db.url", dbUrl);
        put(flags, "automateos.db.user", dbUser);
        put(flags, "automateos.db.password", dbPassword);
        flags.put("automateos.db.pool-size", "2");
        flags.put("logging.level.root", "warn");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("rotate-key-flags", flags));
        SpringApplication app = new SpringApplication(OfflineContext.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        app.setEnvironment(environment);
        return app.run();
    }

    private static void put(Map<String, Object> flags, String name, Object value) {
        if (value != null) {
            flags.put(name, value.toString());
        }
    }

    /** Just what rotation needs: settings, the DataSource and transactions. No web server, no scheduler. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class})
    @EnableConfigurationProperties(AutomateOsProperties.class)
    static class OfflineContext {

        @Bean
        CredentialKeyRotation credentialKeyRotation(JdbcClient jdbc, PlatformTransactionManager transactions) {
            return new CredentialKeyRotation(jdbc, transactions);
        }
    }
}
