package dev.automateos.server.events;

import dev.automateos.server.events.EventBus.Subscription;
import java.io.IOException;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pumps one subscription into one {@link SseEmitter} on its own virtual thread. A comment line goes
 * out at once (so the client knows it is subscribed) and then every {@link #HEARTBEAT} without
 * events, which also notices clients that went away: the write fails and the subscription closes.
 */
@Component
class EventStreams {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final JsonMapper json;

    EventStreams(JsonMapper json) {
        this.json = json;
    }

    /** A stream that sends one event and ends. */
    SseEmitter single(LiveEvent event) {
        SseEmitter emitter = new SseEmitter(0L);
        Thread.ofVirtual().name("sse-single").start(() -> {
            try {
                emitter.send(frame(event));
                emitter.complete();
            } catch (IOException | RuntimeException e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    /** Streams until the client leaves, the subscription overflows, or (if asked) the execution ends. */
    SseEmitter stream(Subscription subscription, boolean endWithExecution) {
        SseEmitter emitter = new SseEmitter(0L); // no server-side timeout: heartbeats detect dead clients
        Thread pump = Thread.ofVirtual().name("sse-pump").unstarted(() -> pump(subscription, emitter,
                endWithExecution));
        emitter.onCompletion(subscription::close);
        emitter.onError(error -> subscription.close());
        emitter.onTimeout(subscription::close);
        pump.start();
        return emitter;
    }

    private void pump(Subscription subscription, SseEmitter emitter, boolean endWithExecution) {
        try (subscription) {
            emitter.send(SseEmitter.event().comment("subscribed"));
            while (true) {
                LiveEvent event = subscription.next(HEARTBEAT);
                if (event == null) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    continue;
                }
                emitter.send(frame(event));
                if (event instanceof LiveEvent.Overflow
                        || (endWithExecution && event instanceof LiveEvent.ExecutionFinished)) {
                    emitter.complete();
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away (or the emitter already ended): nothing to tell anyone.
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    private SseEmitter.SseEventBuilder frame(LiveEvent event) {
        return SseEmitter.event().name(event.type()).data(json.writeValueAsString(event));
    }
}
