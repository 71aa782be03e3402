package dev.automateos.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real server ({@code automateos server}) as a child JVM on the test's classpath and JDK,
 * with a plain HTTP client for its API. Its output goes to a log file in the data directory,
 * quoted in failures.
 */
final class ServerProcess {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts the server on a free port with the embedded database in {@code dataDir}; returns once it answers. */
    static ServerProcess start(Path dataDir, String name) throws Exception {
        return start(dataDir, name, "server", Map.of());
    }

    /**
     * Starts {@code automateos <command>} ({@code server}, {@code worker}, ...) on a free port with
     * {@code env} as its only {@code AUTOMATEOS_*} settings (a database URL, roles, a lease);
     * returns once it is ready (its readiness check answers 200). Processes started on one {@code dataDir} share its
     * key files (the master key signs tokens and seals credentials), so start the first alone.
     */
    static ServerProcess start(Path dataDir, String name, String command, Map<String, String> env) throws Exception {
        int port = freePort();
        Path log = dataDir.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElseThrow();
        var builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.automateos.server.cli.Main", command,
                "--port", String.valueOf(port), "--data-dir", dataDir.resolve("data").toString())
                .directory(dataDir.toFile()) // no stray application.yml from the build directory
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AUTOMATEOS_"));
        builder.environment().putAll(env);
        var server = new ServerProcess(builder.start(), log, port);
        try {
            server.awaitReady();
        } catch (Exception | AssertionError e) {
            server.kill();
            throw e;
        }
        return server;
    }

    /** The status of {@code /health/readiness}: 200 when ready, 503 when a dependency is down. */
    int readiness() throws IOException, InterruptedException {
        return send("GET", "/health/readiness", null, null).statusCode();
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("server exited during start-up:%n%s", output()).isTrue();
            try {
                if (readiness() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server did not start within " + START_TIMEOUT + ":\n" + output());
    }

    String registerAndLogIn(String username, String password) throws Exception {
        call("POST", "/api/v1/auth/register", null,
                "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}", 201);
        return logIn(username, password);
    }

    String logIn(String username, String password) throws Exception {
        return call("POST", "/api/v1/auth/token", null, "{\"grant_type\": \"password\", \"username\": \""
                + username + "\", \"password\": \"" + password + "\"}", 200).path("access_token").asString();
    }

    String createWorkflow(String token, String document) throws Exception {
        return call("POST", "/api/v1/workflows", token, document, 201).path("id").asString();
    }

    /** Polls the execution until it has a terminal status, or fails after {@code nanos}. */
    JsonNode awaitFinished(String executionId, String token, long nanos) throws Exception {
        long deadline = System.nanoTime() + nanos;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = call("GET", "/api/v1/executions/" + executionId, token, null, 200);
            if (List.of("succeeded", "failed", "cancelled").contains(last.path("status").asString())) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("execution not finished in time: " + last + "\n" + output());
    }

    JsonNode call(String method, String path, String token, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = send(method, path, token, body);
        assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body())
                .isEqualTo(expectedStatus);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The process id, for CPU figures and logs. */
    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return base;
    }

    /** SIGKILL on Linux: no shutdown hook, no graceful release of leases, no database close. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }

    String output() {
        try {
            String text = Files.readString(log);
            return text.length() > 8000 ? "…" + text.substring(text.length() - 8000) : text;
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
