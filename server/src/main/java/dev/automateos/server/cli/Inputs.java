package dev.automateos.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reading what the user hands in: files, stdin, and secrets that must not come from flags. */
final class Inputs {

    private Inputs() {
    }

    /** Reads all of stdin and drops one trailing newline, like {@code docker login --password-stdin}. */
    static String stdinSecret(InputStream in, String what) {
        String value = readAll(in, "stdin").replaceFirst("\r?\n$", "");
        if (value.isEmpty()) {
            throw CliException.input("No " + what + " on stdin.");
        }
        return value;
    }

    /** The contents of {@code name}, or of stdin when it is {@code -}. */
    static String fileOrStdin(String name, InputStream in) {
        if ("-".equals(name)) {
            return readAll(in, "stdin");
        }
        try {
            return Files.readString(Path.of(name));
        } catch (NoSuchFileException e) {
            throw CliException.input("No such file: " + name);
        } catch (IOException | RuntimeException e) {
            throw CliException.input("Cannot read " + name + ": " + e.getMessage());
        }
    }

    /** application/yaml for .yaml/.yml, application/json for .json, otherwise guessed from the first character. */
    static String workflowContentType(String name, String content) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return "application/yaml";
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        String start = content.stripLeading();
        return start.startsWith("{") || start.startsWith("[") ? "application/json" : "application/yaml";
    }

    /** Prompts without echo; fails with a hint when nobody is at a terminal to answer. */
    static String promptSecret(Terminal terminal, String prompt, String alternative) {
        if (!terminal.interactive()) {
            String what = prompt.replaceAll(":\\s*$", "").toLowerCase(Locale.ROOT);
            throw CliException.input("No terminal to ask for " + what + ": " + alternative);
        }
        char[] secret = terminal.readSecret(prompt);
        if (secret == null || secret.length == 0) {
            throw CliException.input("Nothing entered.");
        }
        String value = new String(secret);
        java.util.Arrays.fill(secret, '\0');
        return value;
    }

    private static String readAll(InputStream in, String what) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.input("Cannot read " + what + ": " + e.getMessage());
        }
    }
}
