package dev.automateos.server.cli;

import dev.automateos.server.AutomateOsApplication;
import dev.automateos.server.config.StartupFailure;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts an AutomateOS process: {@code standalone}, {@code server}, {@code worker} or
 * {@code scheduler} (the nested commands), which differ only in the roles they play by default.
 * Flags are the highest-precedence source of each setting, above {@code AUTOMATEOS_*} environment
 * variables and application.yml; the command's own roles are the lowest, so
 * {@code AUTOMATEOS_ROLES} or {@code --roles} override them. On the embedded database a process
 * always plays every role (only one process can open its file).
 */
public abstract sealed class ProcessCommand implements Callable<Integer> {

    /** The names of the commands that start a process (the JVM then lives on after {@code main} returns). */
    public static final Set<String> NAMES = Set.of("standalone", "server", "worker", "scheduler");

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

    @Option(names = "--roles", split = ",", paramLabel = "ROLE",
            description = "Roles to play instead of this command's own: server, worker, scheduler (comma-separated).")
    List<String> roles;

    @Option(names = "--debug", description = "Print full stack traces on start-up failure.")
    boolean debug;

    /** The roles this command plays unless told otherwise. */
    abstract String defaultRoles();

    @Command(name = "standalone", mixinStandardHelpOptions = true,
            description = "Start AutomateOS in one process: API, web UI, engine and schedules.")
    public static final class Standalone extends ProcessCommand {
        @Override
        String defaultRoles() {
            return "server,worker,scheduler";
        }
    }

    @Command(name = "server", mixinStandardHelpOptions = true, description = "Start AutomateOS: the API, web UI and "
            + "webhooks; on the embedded database (the default) also the engine and schedules, as standalone.")
    public static final class Server extends ProcessCommand {
        @Override
        String defaultRoles() {
            return "server";
        }
    }

    @Command(name = "worker", mixinStandardHelpOptions = true,
            description = "Start a worker: runs queued executions (queue mode on PostgreSQL).")
    public static final class Worker extends ProcessCommand {
        @Override
        String defaultRoles() {
            return "worker";
        }
    }

    @Command(name = "scheduler", mixinStandardHelpOptions = true,
            description = "Start a scheduler: fires schedule triggers (queue mode on PostgreSQL).")
    public static final class Scheduler extends ProcessCommand {
        @Override
        String defaultRoles() {
            return "scheduler";
        }
    }

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
        if (roles != null && !roles.isEmpty()) {
            flags.put("automateos.roles", String.join(",", roles));
        }
        return start(flags, Map.of("automateos.roles", defaultRoles()), debug);
    }

    static int start(Map<String, Object> flags, Map<String, Object> defaults, boolean debug) {
        flags.forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
        if (!debug) {
            // Start-up failures are reported as one line below; Spring would print them again with a long trace,
            // sometimes before logging is even configured.
            System.setProperty("logging.level.org.springframework.boot.SpringApplication", "off");
        }
        SpringApplication app = new SpringApplication(AutomateOsApplication.class);
        app.setDefaultProperties(defaults);
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
