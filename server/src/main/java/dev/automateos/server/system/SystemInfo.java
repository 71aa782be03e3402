package dev.automateos.server.system;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What {@code GET /api/v1/system/info} answers: enough to debug an install, with no secret in it. */
record SystemInfo(String version, Instant startedAt, long uptimeSeconds, String java, List<String> roles,
                  Database database, String dataDir, Map<String, Object> settings) {

    record Database(String product, String version, String url) {
    }
}
