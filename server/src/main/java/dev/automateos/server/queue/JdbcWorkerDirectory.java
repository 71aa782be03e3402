package dev.automateos.server.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code workers} table: each worker process keeps its own row fresh; anyone reads them all. */
@Repository
public class JdbcWorkerDirectory {

    private final JdbcClient jdbc;

    JdbcWorkerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes this worker's row (only its own process ever writes it, so update-then-insert is safe). */
    public void beat(WorkerHeartbeat w) {
        int updated = jdbc.sql("update workers set last_heartbeat_at = ?, in_flight = ?, slots = ?, "
                        + "completed_last_minute = ? where id = ?")
                .params(ts(w.lastHeartbeatAt()), w.inFlight(), w.slots(), w.completedLastMinute(), w.id()).update();
        if (updated == 0) {
            jdbc.sql("insert into workers (id, host, pid, roles, version, started_at, last_heartbeat_at, in_flight, "
                            + "slots, completed_last_minute) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(w.id(), w.host(), w.pid(), w.roles(), w.version(), ts(w.startedAt()),
                            ts(w.lastHeartbeatAt()), w.inFlight(), w.slots(), w.completedLastMinute()).update();
        }
    }

    /** A worker that stops cleanly removes its row. */
    public void remove(String id) {
        jdbc.sql("delete from workers where id = ?").param(id).update();
    }

    /** Workers heard from since {@code since}, newest heartbeat first. */
    public List<WorkerHeartbeat> heardSince(Instant since) {
        return jdbc.sql("select * from workers where last_heartbeat_at >= ? order by last_heartbeat_at desc, id")
                .param(ts(since)).query(JdbcWorkerDirectory::row).list();
    }

    /** Forgets workers not heard from since {@code before}; returns how many. */
    public int forgetSilentSince(Instant before) {
        return jdbc.sql("delete from workers where last_heartbeat_at < ?").param(ts(before)).update();
    }

    private static WorkerHeartbeat row(ResultSet rs, int row) throws SQLException {
        return new WorkerHeartbeat(rs.getString("id"), rs.getString("host"), rs.getLong("pid"), rs.getString("roles"),
                rs.getString("version"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("last_heartbeat_at").toInstant(), rs.getInt("in_flight"), rs.getInt("slots"),
                rs.getInt("completed_last_minute"));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
