package dev.automateos.server.schedule;

import dev.automateos.server.support.PostgresBackend;

@PostgresBackend
class ScheduleFiringPostgresIT extends ScheduleFiringTest {
}
