package dev.automateos.server.workflow;

import dev.automateos.server.support.PostgresBackend;

@PostgresBackend
class WorkflowApiPostgresIT extends WorkflowApiTest {
}
