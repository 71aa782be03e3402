package dev.automateos.server.dashboard;

import java.time.Instant;

/**
 * Figures for the dashboard's summary strip. {@code runs}, {@code succeeded} and {@code failures}
 * count executions created since {@code since}; {@code in_progress} (queued or running) and
 * {@code waiting} are what is open right now, whenever it started.
 */
record DashboardSummary(Instant since, long runs, long succeeded, long failures, long inProgress, long waiting) {
}
