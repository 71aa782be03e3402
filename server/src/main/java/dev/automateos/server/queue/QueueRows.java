package dev.automateos.server.queue;

import dev.automateos.engine.queue.Lane;
import dev.automateos.engine.queue.WorkItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Column mapping and small SQL helpers shared by the work-queue statements. */
final class QueueRows {

    static final String ITEM_COLUMNS = "id, execution_id, workflow_id, lane, available_at, max_concurrency, payload, "
            + "deliveries, seq";

    private QueueRows() {
    }

    /** A candidate row of a claim, with what the claim needs beyond the item. */
    record Candidate(WorkItem item, int deliveries, long seq) {
    }

    static Candidate candidate(ResultSet rs, int rowNum) throws SQLException {
        WorkItem item = new WorkItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), Lane.of(rs.getString(4)), instant(rs, 5), rs.getInt(6), rs.getString(7));
        return new Candidate(item, rs.getInt(8), rs.getLong(9));
    }

    /** Both databases keep microseconds; cutting there makes what is read back equal what was written. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A bind value for a {@code timestamp with time zone} column that neither driver shifts by the JVM's zone. */
    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(truncate(instant), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static List<Object> concat(Object first, List<?> rest) {
        List<Object> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
