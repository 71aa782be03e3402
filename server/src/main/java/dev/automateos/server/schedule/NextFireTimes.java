package dev.automateos.server.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The next times a workflow's schedule trigger fires, as the preview answers them.
 *
 * @param version  the workflow version they are computed for (its current one)
 * @param active   whether the workflow is active, i.e. whether these times will really fire
 * @param cron     the trigger's cron expression, or null when it uses an interval
 * @param interval the trigger's interval, or null when it uses cron
 * @param times    the next occurrences from now, in order; fewer than asked (or none) when the
 *                 schedule ends first
 */
record NextFireTimes(UUID workflowId, int version, boolean active, String timezone, String cron, String interval,
                     String misfire, List<FireTime> times) {

    /**
     * @param at        the instant
     * @param localTime the same instant on the wall clock of the trigger's time zone, without offset
     */
    record FireTime(Instant at, String localTime) {
    }
}
