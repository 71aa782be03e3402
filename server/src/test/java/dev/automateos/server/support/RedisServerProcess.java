package dev.automateos.server.support;

import dev.automateos.testkit.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} child process on a free loopback port, for tests that kill and
 * restart Redis. Never the shared server at 6379, which other builds use. It keeps nothing on disk,
 * so a restart starts empty.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final int port;
    private final Path log;
    private Process process;

    private RedisServerProcess(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    /** Starts one on a free port, logging to {@code log}; returns once it answers PING. */
    public static RedisServerProcess start(Path log) throws Exception {
        RedisServerProcess server = new RedisServerProcess(freePort(), log);
        server.startAgain();
        return server;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** SIGKILL: Redis gets no chance to do anything, and it keeps nothing on disk anyway. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server on port " + port + " did not die");
            }
            process = null;
        }
    }

    /** Starts it on the same port, empty; returns once it answers PING. */
    public void startAgain() throws Exception {
        process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String reason;
        while ((reason = TestRedis.ping(url())) != null) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("redis-server did not start on port " + port + ": " + reason);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
