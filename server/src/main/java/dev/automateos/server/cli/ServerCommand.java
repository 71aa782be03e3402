package dev.automateos.server.cli;

import dev.automateos.server.AutomateOsApplication;
import dev.automateos.server.config.StartupFailure;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the server. Flags are the highest-precedence source of each setting, above
 * {@code AUTOMATEOS_*} environment variables and application.yml.
 */
@Command(name = "server", description = "Start AutomateOS (standalone: API, web UI and engine in one process).",
        mixinStandardHelpOptions = true)
public final class ServerCommand implements Callable<Integer> {

    @Option(names = "--host", description = "Address to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--port", description = "Port to listen on (default 8080).")
    Integer port;

    @Option(names = "--data-dir", description = "Where the embedded database and key files live (default ./data).")
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL of an external PostgreSQL database.")
    String dbUrl;

    @Option(names = "--log-format", description = "Console log format: text or json.")
    String logFormat;

    @Option(names = "--debug", description = "Print full stack traces on start-up failure.")
    boolean debug;

    @Override
    public Integer call() {
        Map<String, Object> flags = new LinkedHashMap<>();
        if (host != null) {
            flags.put("automateos.host", host);
        }
        if (port != null) {
            flags.put("automateos.port", port);
        }
        if (dataDir != null) {
            flags.put("automateos.data-dir", dataDir.toString());
        }
        if (dbUrl != null) {
            flags.put("automateos.db.url", dbUrl);
        }
        if (logFormat != null) {
            flags.put("automateos.log-format", logFormat);
        }
        return start(flags, debug);
    }

    static int start(Map<String, Object> flags, boolean debug) {
        flags.forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
        if (!debug) {
            // Start-up failures are reported as one line below; Spring would print them again with a long trace,
            // sometimes before logging is even configured.
            System.setProperty("logging.level.org.springframework.boot.SpringApplication", "off");
        }
        SpringApplication app = new SpringApplication(AutomateOsApplication.class);
        app.setRegisterShutdownHook(true);
        try {
            ConfigurableApplicationContext context = app.run();
            return context.isActive() ? ExitCodes.OK : ExitCodes.FAILURE;
        } catch (Throwable failure) {
            System.err.println("automateos: " + StartupFailure.describe(failure));
            if (debug) {
                failure.printStackTrace();
            }
            System.exit(StartupFailure.exitCode(failure));
            return ExitCodes.FAILURE;
        }
    }
}
