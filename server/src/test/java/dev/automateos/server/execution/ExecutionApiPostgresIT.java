package dev.automateos.server.execution;

import dev.automateos.server.support.PostgresBackend;

@PostgresBackend
class ExecutionApiPostgresIT extends ExecutionApiTest {
}
