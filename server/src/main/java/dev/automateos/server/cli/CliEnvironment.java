package dev.automateos.server.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a client command touches outside the JVM: its streams, the terminal, the config
 * directory and the environment variables. {@link #system()} wires the real ones; tests pass their
 * own, so no command reads {@code System.*} directly.
 */
record CliEnvironment(PrintWriter out, PrintWriter err, InputStream in, Terminal terminal, Path configDir,
                      Map<String, String> variables) {

    static final String URL_VARIABLE = "AUTOMATEOS_URL";
    static final String API_KEY_VARIABLE = "AUTOMATEOS_API_KEY";
    static final String CONFIG_DIR_VARIABLE = "AUTOMATEOS_CONFIG_DIR";

    static CliEnvironment system() {
        Map<String, String> variables = System.getenv();
        return new CliEnvironment(writer(System.out, "stdout.encoding"), writer(System.err, "stderr.encoding"),
                System.in, Terminal.system(), configDir(variables, System.getProperty("user.home")), variables);
    }

    String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code $AUTOMATEOS_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/automateos}, else {@code ~/.config/automateos}. */
    static Path configDir(Map<String, String> variables, String userHome) {
        String explicit = variables.get(CONFIG_DIR_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = variables.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "automateos");
        }
        return Path.of(userHome, ".config", "automateos");
    }

    private static PrintWriter writer(java.io.PrintStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding)
                : Charset.defaultCharset();
        return new PrintWriter(new OutputStreamWriter(stream, charset), true);
    }
}
