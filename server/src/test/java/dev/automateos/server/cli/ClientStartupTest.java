package dev.automateos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client commands must start fast, which means they must never load Spring. Runs the real entry
 * point in a fresh JVM with class-load logging, on the full test class path (Spring is on it,
 * so only not loading it passes).
 */
class ClientStartupTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String output, List<String> springClasses) {
    }

    private Run runInFreshJvm(String... args) throws IOException, InterruptedException {
        Path classLog = temp.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-Xlog:class+load=info:file=" + classLog,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AUTOMATEOS_CONFIG_DIR", temp.resolve("config").toString());
        builder.environment().put("AUTOMATEOS_API_KEY", "aos_startup_test");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> loaded = Files.readAllLines(classLog);
        // Guards against a vacuous pass: the log must show this JVM really loaded the CLI.
        assertThat(loaded).anyMatch(line -> line.contains(Main.class.getName() + " "));
        return new Run(process.exitValue(), output,
                loaded.stream().filter(line -> line.contains("org.springframework")).toList());
    }

    @Test
    void aClientCommandLoadsNoSpringClass() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Run run = runInFreshJvm("workflows", "list", "--url", "http://127.0.0.1:" + port);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.SERVER);
        assertThat(run.output()).contains("Cannot reach http://127.0.0.1:" + port + ": connection refused");
        assertThat(run.springClasses()).isEmpty();
    }

    @Test
    void versionAndHelpLoadNoSpringClass() throws Exception {
        Run version = runInFreshJvm("--version");
        Run help = runInFreshJvm("workflows", "list", "--help");

        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).startsWith("AutomateOS ");
        assertThat(version.springClasses()).isEmpty();
        assertThat(help.exitCode()).isZero();
        assertThat(help.springClasses()).isEmpty();
    }
}
