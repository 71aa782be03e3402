package dev.automateos.server.auth;

import dev.automateos.server.support.PostgresBackend;

@PostgresBackend
class AuthFlowPostgresIT extends AuthFlowTest {
}
