package dev.automateos.server.events;

import dev.automateos.server.support.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A test's SSE client: the JDK HttpClient reading {@code text/event-stream} lines, parsed into
 * events on a virtual thread. {@link #open} returns once the response headers arrived, which the
 * server sends only after it subscribed.
 */
final class SseClient implements AutoCloseable {

    /** One received event; {@code name} "end" marks the end of the stream. */
    record Event(String name, JsonNode data) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Event END = new Event("end", null);

    final int status;
    final String contentType;
    final String body;
    private final Stream<String> lines;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final List<String> comments = java.util.Collections.synchronizedList(new ArrayList<>());

    private SseClient(HttpResponse<Stream<String>> response) {
        status = response.statusCode();
        contentType = response.headers().firstValue("Content-Type").orElse("");
        lines = response.body();
        if (status == 200) {
            body = null;
            Thread.ofVirtual().start(this::read);
        } else {
            body = String.join("\n", lines.toList());
        }
    }

    static SseClient open(int port, String path, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build();
        return new SseClient(CLIENT.send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    /** The next event, or null after {@code seconds} without one. */
    Event next(int seconds) throws InterruptedException {
        return events.poll(seconds, TimeUnit.SECONDS);
    }

    /** Events up to and including the first named {@code last}; fails the test when it does not come in 20 s. */
    List<Event> until(String last) throws InterruptedException {
        List<Event> received = new ArrayList<>();
        while (true) {
            Event event = next(20);
            if (event == null || event == END) {
                throw new AssertionError("No " + last + " event; got " + received);
            }
            received.add(event);
            if (event.name().equals(last)) {
                return received;
            }
        }
    }

    private void read() {
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (var iterator = lines.iterator(); iterator.hasNext(); ) {
                String line = iterator.next();
                if (line.isEmpty()) {
                    if (name != null || !data.isEmpty()) {
                        events.add(new Event(name == null ? "message" : name, TestHttp.parse(data.toString())));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (RuntimeException e) {
            // closed by the test
        } finally {
            events.add(END);
        }
    }

    /** True when the server ended the stream within {@code seconds}. */
    boolean endsWithin(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Event event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event == END) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        lines.close();
    }
}
