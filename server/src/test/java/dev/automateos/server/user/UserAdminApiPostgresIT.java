package dev.automateos.server.user;

import dev.automateos.server.support.PostgresBackend;

@PostgresBackend
class UserAdminApiPostgresIT extends UserAdminApiTest {
}
