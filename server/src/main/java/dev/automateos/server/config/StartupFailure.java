package dev.automateos.server.config;

import dev.automateos.server.cli.ExitCodes;
import java.sql.SQLException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.web.server.PortInUseException;

/**
 * Turns a failed start into one line a person can act on, instead of a 200-line stack trace.
 * The full trace is still available with {@code --debug}.
 */
public final class StartupFailure {

    private StartupFailure() {
    }

    public static String describe(Throwable failure) {
        InvalidSettingException setting = find(failure, InvalidSettingException.class);
        if (setting != null) {
            return "invalid setting " + setting.setting() + " (" + setting.environmentName() + "): "
                    + setting.getMessage();
        }
        BindValidationException validation = find(failure, BindValidationException.class);
        BindException bind = find(failure, BindException.class);
        if (validation != null && bind != null) {
            var error = validation.getValidationErrors().getAllErrors().getFirst();
            String name = error instanceof org.springframework.validation.FieldError fe
                    ? bind.getName() + "." + kebab(fe.getField()) : bind.getName().toString();
            return "invalid setting " + name + " (" + env(name) + "): " + error.getDefaultMessage();
        }
        if (bind != null) {
            String name = bind.getProperty() != null ? bind.getProperty().getName().toString() : bind.getName().toString();
            Object value = bind.getProperty() != null ? bind.getProperty().getValue() : null;
            Throwable root = rootCause(bind);
            return "invalid setting " + name + " (" + env(name) + ")" + (value != null ? " = '" + value + "'" : "")
                    + ": " + simplify(root.getMessage());
        }
        PortInUseException portInUse = find(failure, PortInUseException.class);
        if (portInUse != null) {
            return "port " + portInUse.getPort() + " is already in use; choose another with --port or AUTOMATEOS_PORT";
        }
        if (find(failure, java.net.BindException.class) != null) {
            return "cannot listen on the configured address: " + find(failure, java.net.BindException.class)
                    .getMessage() + "; check automateos.host (AUTOMATEOS_HOST) and automateos.port (AUTOMATEOS_PORT)";
        }
        SQLException sql = find(failure, SQLException.class);
        if (sql != null) {
            return "cannot use the database: " + simplify(sql.getMessage())
                    + "; check automateos.db.url, automateos.db.user and automateos.db.password (AUTOMATEOS_DB_*)";
        }
        io.lettuce.core.RedisConnectionException redis = find(failure, io.lettuce.core.RedisConnectionException.class);
        if (redis != null) {
            return "cannot reach Redis: " + simplify(redis.getMessage())
                    + "; check automateos.redis.url (AUTOMATEOS_REDIS_URL), or use automateos.queue.broker=database";
        }
        Throwable root = rootCause(failure);
        return "failed to start: " + root.getClass().getSimpleName() + ": " + simplify(root.getMessage())
                + " (run with --debug for the full trace)";
    }

    public static int exitCode(Throwable failure) {
        boolean config = find(failure, InvalidSettingException.class) != null || find(failure, BindException.class) != null;
        return config ? ExitCodes.CONFIG : ExitCodes.FAILURE;
    }

    private static String env(String setting) {
        return setting.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String simplify(String message) {
        if (message == null) {
            return "no details";
        }
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
            if (type.isInstance(cur)) {
                return type.cast(cur);
            }
        }
        return null;
    }
}
