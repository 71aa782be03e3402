package dev.automateos.server.events;

import dev.automateos.engine.execution.ExecutionPlan;
import dev.automateos.engine.execution.ExecutionState;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The execution runtime's one hook into live events: it reports each committed transition, and
 * this turns it into events on the {@link EventBus}. Called after the commit, under the
 * execution's lock, so one execution's events leave in commit order.
 */
@Component
public final class ExecutionEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEventPublisher.class);

    private final EventBus bus;
    private final Clock clock;

    ExecutionEventPublisher(EventBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    /** {@code before} and {@code after} are two committed states of one execution; never throws. */
    public void committed(ExecutionState before, ExecutionState after, ExecutionPlan plan) {
        if (before == after) {
            return;
        }
        try {
            var events = StepEvents.between(before, after,
                    nodeId -> plan.node(nodeId).map(node -> node.name()).orElse(null), clock.instant());
            events.forEach(bus::publish);
        } catch (RuntimeException e) {
            // Live events are a view; a bug here must never fail the execution that was just committed.
            LOG.warn("Could not publish live events for execution {}", after.id(), e);
        }
    }
}
