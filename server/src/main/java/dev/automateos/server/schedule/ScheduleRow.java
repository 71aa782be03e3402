package dev.automateos.server.schedule;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code schedules}: the schedule of an active workflow (V8__schedules.sql).
 *
 * @param config     the trigger's config as JSON text, as saved in that version
 * @param nextFireAt the first occurrence not fired yet; null once the schedule has ended
 * @param generation counts changes to the schedule itself; firing leaves it alone
 */
record ScheduleRow(UUID workflowId, UUID ownerId, int workflowVersion, String config, Instant nextFireAt,
                   long generation) {

    ScheduleHead head() {
        return new ScheduleHead(workflowId, generation, nextFireAt);
    }
}
