package dev.automateos.server.events;

import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.events.EventBus.Subscription;
import dev.automateos.server.events.EventBus.Topic;
import dev.automateos.server.events.LiveEvent.ErrorInfo;
import dev.automateos.server.events.LiveEvent.ExecutionFinished;
import dev.automateos.server.execution.ExecutionDirectory;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.workflow.WorkflowStore;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live event streams (Server-Sent Events). Access is checked before the stream starts, with
 * the same rules as reading the execution or workflow: another user's answers 404.
 */
@RestController
class EventStreamController {

    private final EventBus bus;
    private final ExecutionDirectory executions;
    private final WorkflowStore workflows;
    private final EventStreams streams;
    private final Clock clock;

    EventStreamController(EventBus bus, ExecutionDirectory executions, WorkflowStore workflows, EventStreams streams,
                          Clock clock) {
        this.bus = bus;
        this.executions = executions;
        this.workflows = workflows;
        this.streams = streams;
        this.clock = clock;
    }

    @GetMapping("/api/v1/executions/{id}/events")
    SseEmitter execution(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        // Subscribe before reading the status, so a finish between the two cannot be missed.
        Subscription subscription = bus.subscribe(Topic.execution(id));
        try {
            var facts = executions.find(id).filter(e -> me.canSee(e.ownerId()))
                    .orElseThrow(() -> ApiException.notFound("The execution"));
            if (facts.finished()) {
                subscription.close();
                var error = facts.errorCode() == null ? null : new ErrorInfo(facts.errorCode(), facts.errorMessage());
                var done = new ExecutionFinished(facts.id(), facts.workflowId(), facts.status(), facts.durationMs(),
                        error, facts.finishedAt() == null ? clock.instant() : facts.finishedAt());
                return streams.single(done);
            }
            return streams.stream(subscription, true);
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    /**
     * Every execution's events of the workflows the caller may see (all of them for admins and
     * observers): what keeps an unfiltered executions list live without polling.
     */
    @GetMapping("/api/v1/events")
    SseEmitter all(@AuthenticationPrincipal AuthenticatedUser me) {
        Subscription everything = bus.subscribe(Topic.everything());
        if (me.role().seesAll()) {
            return streams.stream(everything, false);
        }
        return streams.stream(new VisibleEvents(everything,
                workflowId -> workflows.find(workflowId).filter(w -> me.canSee(w.ownerId())).isPresent()), false);
    }

    @GetMapping("/api/v1/workflows/{id}/events")
    SseEmitter workflow(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        workflows.find(id).filter(w -> me.canSee(w.ownerId()))
                .orElseThrow(() -> ApiException.notFound("The workflow"));
        return streams.stream(bus.subscribe(Topic.workflow(id)), false);
    }
}
