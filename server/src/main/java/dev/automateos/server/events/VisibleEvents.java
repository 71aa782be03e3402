package dev.automateos.server.events;

import dev.automateos.server.events.EventBus.Subscription;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Narrows a subscription to every execution's events down to the workflows one user may see.
 * Whether a workflow is visible is asked once per workflow and remembered for the life of the
 * stream (ownership does not change; a deleted workflow's events stop on their own).
 */
final class VisibleEvents implements Subscription {

    /** Bounds the memory of one long-lived stream on a hub with very many workflows. */
    static final int REMEMBERED_WORKFLOWS = 10_000;

    private final Subscription all;
    private final Predicate<UUID> visibleWorkflow;
    private final Map<UUID, Boolean> visible = new HashMap<>();

    VisibleEvents(Subscription all, Predicate<UUID> visibleWorkflow) {
        this.all = all;
        this.visibleWorkflow = visibleWorkflow;
    }

    @Override
    public LiveEvent next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            LiveEvent event = left > 0 ? all.next(Duration.ofNanos(left)) : null;
            if (event == null || event instanceof LiveEvent.Overflow || isVisible(event.workflowId())) {
                return event;
            }
        }
    }

    private boolean isVisible(UUID workflowId) {
        if (visible.size() >= REMEMBERED_WORKFLOWS) {
            visible.clear();
        }
        return visible.computeIfAbsent(workflowId, visibleWorkflow::test);
    }

    @Override
    public void close() {
        all.close();
    }
}
