package dev.automateos.server.queue;

import dev.automateos.engine.queue.WorkQueue;
import dev.automateos.server.store.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On the embedded database, hands the work of the previous run (killed, or powered off) to this
 * process at once: its leases can only belong to a process that is gone. On PostgreSQL other
 * processes may hold live leases, so expired leases are what frees work there.
 */
@Component
class StartupLeaseRecovery implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(StartupLeaseRecovery.class);

    private final WorkQueue queue;
    private final SqlDialect dialect;
    private volatile boolean running;

    StartupLeaseRecovery(WorkQueue queue, SqlDialect dialect) {
        this.queue = queue;
        this.dialect = dialect;
    }

    @Override
    public void start() {
        running = true;
        if (dialect.claimsInOneProcess() && queue instanceof JdbcWorkQueue jdbc) {
            int released = jdbc.releaseAllLeases();
            if (released > 0) {
                LOG.info("Resuming {} queue item(s) that the previous run of this server held", released);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the worker starts claiming (ExecutionWorker's phase is MAX_VALUE - 100). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
