package dev.automateos.server.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.testkit.CiMode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/**
 * The web app's end-to-end flows (web/e2e/browser-flows.mjs) in Debian's Chromium, driven by
 * playwright-core, against the real server: a child JVM on this test's classpath (which holds the
 * built app), a random port and a fresh H2 directory. Without Chromium or a built app it skips
 * with the reason; under {@code CI=true} it fails instead. Set {@code -Dscreenshots.dir=…} to keep
 * the main screens (docs/screenshots is made that way).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class WebAppBrowserIT {

    private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    static Path dataDir;

    private static Process server;
    private static Path serverLog;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        String chromium = System.getenv().getOrDefault("AOS_CHROMIUM", "/usr/bin/chromium");
        requireOrSkip(Files.isExecutable(Path.of(chromium)),
                "Chromium is not installed at " + chromium + " (apt-get install -y chromium); the browser tests need it.");
        requireOrSkip(new ClassPathResource(WebAppController.APP_LOCATION + "index.html").exists(),
                "the web app was not built (-Dskip.web=true?); the browser tests need it.");
        requireOrSkip(Files.isDirectory(WEB.resolve("node_modules/playwright-core")),
                "web/node_modules has no playwright-core (the Maven web module runs npm ci).");
        port = freePort();
        serverLog = dataDir.resolve("server.log");
        String java = ProcessHandle.current().info().command().orElseThrow();
        var builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.automateos.server.cli.Main", "server",
                "--port", String.valueOf(port), "--data-dir", dataDir.resolve("data").toString())
                .directory(dataDir.toFile()).redirectErrorStream(true).redirectOutput(serverLog.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AUTOMATEOS_"));
        server = builder.start();
        awaitReady();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theEndToEndFlowsPassInChromium() throws Exception {
        Path artifacts = Path.of("target", "browser-flows").toAbsolutePath();
        Files.createDirectories(artifacts);
        Path output = artifacts.resolve("output.txt");
        var builder = new ProcessBuilder("node", "e2e/browser-flows.mjs").directory(WEB.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("AOS_BASE_URL", "http://127.0.0.1:" + port);
        builder.environment().put("AOS_ARTIFACTS", artifacts.toString());
        String screenshots = System.getProperty("screenshots.dir");
        if (screenshots != null && !screenshots.isBlank()) {
            builder.environment().put("AOS_SCREENSHOTS", Path.of(screenshots).toAbsolutePath().toString());
        }
        Process flows = builder.start();
        boolean ended = flows.waitFor(8, TimeUnit.MINUTES);
        if (!ended) {
            flows.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String text = Files.readString(output);
        assertThat(ended).as("the browser flows did not end within 8 minutes:%n%s%n%s", text, serverTail()).isTrue();
        assertThat(flows.exitValue()).as("browser flows failed:%n%s%nserver log:%n%s", text, serverTail()).isZero();
        assertThat(text).as(text).containsPattern("browser flows: [1-9]\\d* passed, 0 failed");
    }

    private static void requireOrSkip(boolean condition, String reason) {
        if (!condition && CiMode.active()) {
            throw new AssertionError("CI=true: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }

    private static void awaitReady() throws Exception {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(server.isAlive()).as("server exited during start-up:%n%s", serverTail()).isTrue();
                try {
                    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/status")).build();
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("server did not start within " + START_TIMEOUT + ":\n" + serverTail());
    }

    private static String serverTail() {
        try {
            String text = Files.readString(serverLog);
            return text.length() > 6000 ? "…" + text.substring(text.length() - 6000) : text;
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
