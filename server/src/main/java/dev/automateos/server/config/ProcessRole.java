package dev.automateos.server.config;

import java.util.Locale;

/**
 * What one AutomateOS process does. A standalone process has every role; in queue mode, any
 * number of processes of each role share one PostgreSQL (docs/deployment.md).
 */
public enum ProcessRole {
    /** The HTTP side: REST API, web app, webhooks, live events. */
    SERVER,
    /** Claims queued executions and advances them. */
    WORKER,
    /** Fires schedule triggers. */
    SCHEDULER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
