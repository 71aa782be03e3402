package dev.automateos.server.events;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link LiveEvent}s as compact JSON for buses that cross processes (PostgreSQL NOTIFY, Redis
 * pub/sub): {@code {"type": ..., "origin": ..., "event": {...}}}. The origin lets a process skip
 * its own events, which it delivered locally already. Error messages are cut to
 * {@value #MAX_MESSAGE} characters so an event stays far below NOTIFY's 8,000-byte payload limit.
 */
public final class LiveEventCodec {

    static final int MAX_MESSAGE = 500;
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final Map<String, Class<? extends LiveEvent>> TYPES = Map.of(
            "step_started", LiveEvent.StepStarted.class,
            "step_finished", LiveEvent.StepFinished.class,
            "execution_finished", LiveEvent.ExecutionFinished.class,
            "schedule_changed", LiveEvent.ScheduleChanged.class);

    /** An event and the process that published it. */
    public record Envelope(String origin, LiveEvent event) {
    }

    private LiveEventCodec() {
    }

    public static String encode(String origin, LiveEvent event) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("type", event.type());
        envelope.put("origin", origin);
        envelope.set("event", JSON.valueToTree(shortened(event)));
        return JSON.writeValueAsString(envelope);
    }

    /** The envelope, or null for text that is not one of ours (another version's event type, say). */
    public static Envelope decode(String text) {
        try {
            JsonNode envelope = JSON.readTree(text);
            Class<? extends LiveEvent> type = TYPES.get(envelope.path("type").asString(""));
            if (type == null) {
                return null;
            }
            return new Envelope(envelope.path("origin").asString(""), JSON.treeToValue(envelope.get("event"), type));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A fresh id for this process, to tell its own events from others'. */
    public static String newOrigin() {
        return UUID.randomUUID().toString();
    }

    private static LiveEvent shortened(LiveEvent event) {
        return switch (event) {
            case LiveEvent.StepFinished e when tooLong(e.error()) -> new LiveEvent.StepFinished(e.executionId(),
                    e.workflowId(), e.stepId(), e.nodeId(), e.nodeName(), e.attempt(), e.status(), e.durationMs(),
                    cut(e.error()), e.at());
            case LiveEvent.ExecutionFinished e when tooLong(e.error()) -> new LiveEvent.ExecutionFinished(e.executionId(),
                    e.workflowId(), e.status(), e.durationMs(), cut(e.error()), e.at());
            default -> event;
        };
    }

    private static boolean tooLong(LiveEvent.ErrorInfo error) {
        return error != null && error.message() != null && error.message().length() > MAX_MESSAGE;
    }

    private static LiveEvent.ErrorInfo cut(LiveEvent.ErrorInfo error) {
        return new LiveEvent.ErrorInfo(error.code(), error.message().substring(0, MAX_MESSAGE) + "…");
    }
}
