package dev.automateos.server.schedule;

import dev.automateos.nodes.trigger.ScheduleTimes;
import dev.automateos.nodes.trigger.ScheduleTrigger;
import dev.automateos.server.events.EventBus;
import dev.automateos.server.events.LiveEvent;
import dev.automateos.server.workflow.WorkflowActivationListener;
import dev.automateos.server.workflow.WorkflowSaveListener;
import dev.automateos.server.workflow.WorkflowStore;
import dev.automateos.server.workflow.WorkflowSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * Keeps {@code schedules} in step with the workflows: an active workflow whose current version has
 * a schedule trigger has a row; any other has none. Runs inside the save's or the activation's
 * transaction, under the workflow's row lock, and computes the next occurrence from now, so a new
 * version replaces the old schedule whole: nothing of the old one can fire after the commit (a
 * scheduler's claim reads the row under lock). After the commit it tells every scheduler, through
 * the event bus, to re-read the row.
 */
@Component
class ScheduleSync implements WorkflowSaveListener, WorkflowActivationListener {

    private final JdbcScheduleStore store;
    private final WorkflowStore workflows;
    private final EventBus bus;
    private final Clock clock;

    ScheduleSync(JdbcScheduleStore store, WorkflowStore workflows, EventBus bus, Clock clock) {
        this.store = store;
        this.workflows = workflows;
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public void saved(UUID workflowId, UUID ownerId, JsonNode definition) {
        // The listener learns only the ids; the row (read in the same transaction) has the rest.
        workflows.find(workflowId).ifPresent(workflow -> sync(workflow, definition));
    }

    @Override
    public void activationChanged(WorkflowSummary workflow, JsonNode definition) {
        sync(workflow, definition);
    }

    private void sync(WorkflowSummary workflow, JsonNode definition) {
        Optional<ScheduleTrigger.Config> config = workflow.active() ? ScheduleConfigs.of(definition) : Optional.empty();
        boolean changed;
        if (config.isPresent()) {
            Instant now = clock.instant();
            Instant next = ScheduleTimes.of(config.get()).firstAfter(now).orElse(null);
            store.put(workflow.id(), workflow.ownerId(), workflow.version(), ScheduleConfigs.json(config.get()), next, now);
            changed = true;
        } else {
            changed = store.delete(workflow.id());
        }
        if (changed) {
            announceAfterCommit(workflow.id());
        }
    }

    private void announceAfterCommit(UUID workflowId) {
        LiveEvent event = new LiveEvent.ScheduleChanged(workflowId, clock.instant());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            bus.publish(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                bus.publish(event);
            }
        });
    }
}
