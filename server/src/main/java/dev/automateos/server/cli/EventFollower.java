package dev.automateos.server.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Reads a server's live event stream ({@code text/event-stream}) on a virtual thread and hands out
 * its events one by one with a deadline, so a command can stop waiting without the server's help.
 * Comment lines (heartbeats) are skipped.
 */
final class EventFollower implements AutoCloseable {

    /** One event: its SSE name ({@code step_started}, …) and its JSON data. */
    record Event(String name, JsonNode data) {
    }

    /** Marks the end of the stream in the queue. */
    private static final Event END = new Event("", null);

    private final Stream<String> lines;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    /** Opens the stream; returns once the server accepted it (so it is subscribed). */
    EventFollower(ApiClient api, String path) {
        lines = api.eventLines(path);
        Thread.ofVirtual().name("automateos-events").start(this::read);
    }

    /** The next event; null when the stream ended or {@code deadline} (null: never) passed. */
    Event next(Instant deadline) {
        try {
            Event event = deadline == null ? events.take()
                    : events.poll(Math.max(0, Duration.between(Instant.now(), deadline).toNanos()), TimeUnit.NANOSECONDS);
            return event == END ? null : event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void read() {
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (name != null && !data.isEmpty()) {
                        events.add(new Event(name, Json.parse(data.toString())));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring("data:".length()).stripLeading());
                }
            }
        } catch (RuntimeException e) {
            // The connection broke or was closed: the end of the stream either way.
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
