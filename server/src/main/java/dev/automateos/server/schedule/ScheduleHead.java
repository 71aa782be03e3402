package dev.automateos.server.schedule;

import java.time.Instant;
import java.util.UUID;

/**
 * What a scheduler keeps in memory per schedule: when to wake for it. Only a hint; the row decides
 * what fires when the scheduler claims it.
 *
 * @param nextFireAt the row's next occurrence; null when the schedule has ended
 */
record ScheduleHead(UUID workflowId, long generation, Instant nextFireAt) {
}
