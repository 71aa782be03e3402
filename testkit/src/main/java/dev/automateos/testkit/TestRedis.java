package dev.automateos.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Redis server the integration tests use. Reachability is a plain RESP {@code PING} over a
 * socket, so the testkit needs no Redis client.
 */
public final class TestRedis implements ExecutionCondition {

    public static final String URL = env("AUTOMATEOS_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = ping(URL);
        if (reason == null) {
            return ConditionEvaluationResult.enabled("Redis at " + URL);
        }
        if (CiMode.active()) {
            throw new IllegalStateException("CI=true but Redis is not usable at " + URL + ": " + reason);
        }
        return ConditionEvaluationResult.disabled("Skipped: Redis is not reachable at " + URL + " (" + reason
                + "). Start it, or set AUTOMATEOS_TEST_REDIS_URL; under CI=true this is a failure.");
    }

    /** A key prefix no other test run uses. */
    public static String newPrefix() {
        return "aos-test:" + UUID.randomUUID().toString().substring(0, 13) + ":";
    }

    /** Null when the server at {@code url} answers PING with PONG, else why not. */
    public static String ping(String url) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 2_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = in.readNBytes(answer, 0, answer.length);
            String text = new String(answer, 0, read, StandardCharsets.US_ASCII);
            return text.startsWith("+PONG") ? null : "answered '" + text.strip() + "' to PING";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
