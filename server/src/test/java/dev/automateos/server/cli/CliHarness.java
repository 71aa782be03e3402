package dev.automateos.server.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real CLI in-process: captured stdout/stderr, a given stdin, a scripted terminal (or
 * none) and a private config directory. No environment variables or System streams are touched.
 */
final class CliHarness {

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path configDir;
    private final Map<String, String> variables = new HashMap<>();
    private String stdin = "";
    private Terminal terminal = Terminal.NONE;

    CliHarness(Path configDir) {
        this.configDir = configDir;
    }

    static CliHarness inTempDir() {
        try {
            return new CliHarness(Files.createTempDirectory("automateos-cli-test").resolve("config"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CliHarness stdin(String text) {
        this.stdin = text;
        return this;
    }

    CliHarness terminal(Terminal terminal) {
        this.terminal = terminal;
        return this;
    }

    CliHarness variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    Path configDir() {
        return configDir;
    }

    ConfigStore store() {
        return new ConfigStore(configDir);
    }

    CliConfig config() {
        return store().load().orElseThrow();
    }

    void saveConfig(CliConfig config) {
        store().save(config);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal, configDir, variables);
        int code = Main.run(env, args);
        stdin = "";
        return new Result(code, out.toString(), err.toString());
    }

    /** A terminal that answers prompts from a script and remembers what was asked, and how. */
    static final class ScriptedTerminal implements Terminal {
        private final Deque<String> answers;
        final List<String> echoedPrompts = new ArrayList<>();
        final List<String> secretPrompts = new ArrayList<>();

        ScriptedTerminal(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public String readLine(String prompt) {
            echoedPrompts.add(prompt);
            return answers.poll();
        }

        @Override
        public char[] readSecret(String prompt) {
            secretPrompts.add(prompt);
            String answer = answers.poll();
            return answer == null ? null : answer.toCharArray();
        }
    }
}
