package dev.automateos.server.auth;

import dev.automateos.server.support.PostgresBackend;

@PostgresBackend
class AuthLockoutPostgresIT extends AuthLockoutTest {
}
