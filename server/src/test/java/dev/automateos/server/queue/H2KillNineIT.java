package dev.automateos.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that an acknowledged write to the embedded H2 file database survives {@code kill -9}
 * with {@link #DURABLE_OPTIONS}. A child JVM writes and prints what it wrote; the test kills it
 * with SIGKILL mid-stream and looks for every printed row. Without {@code WRITE_DELAY=0}, H2
 * keeps commits in memory for up to 500 ms and this test loses rows (see docs/queue.md).
 */
class H2KillNineIT {

    /** What the server's H2 URL needs on top of its usual options; the lead wires it in AutomateOsEnvironment. */
    static final String DURABLE_OPTIONS = ";WRITE_DELAY=0";
    private static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final int ACKS_BEFORE_KILL = 400;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEnqueueSurvivesKillNine() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("automateos") + OPTIONS + DURABLE_OPTIONS;

        List<UUID> acknowledged = writeUntilKilled(url);

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        assertThat(storedIds(url)).containsAll(acknowledged);
    }

    /** Starts the writer, lets it acknowledge some rows, kills it with SIGKILL mid-write. */
    static List<UUID> writeUntilKilled(String url) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), url).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<UUID> acknowledged = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while ((line = lines.readLine()) != null && System.nanoTime() < deadline) {
                if (line.length() == 36) {
                    acknowledged.add(UUID.fromString(line));
                }
                if (acknowledged.size() == ACKS_BEFORE_KILL) {
                    // Process.destroyForcibly is SIGKILL on Linux: no shutdown hook, no H2 close.
                    // It also closes our end of the pipe, so stop reading.
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return acknowledged;
    }

    static Set<UUID> storedIds(String url) throws Exception {
        Set<UUID> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id from work_queue")) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        assertThat(Files.exists(Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';')) + ".mv.db")))
                .isTrue();
        return ids;
    }
}
