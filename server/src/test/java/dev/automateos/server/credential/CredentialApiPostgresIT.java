package dev.automateos.server.credential;

import dev.automateos.server.support.PostgresBackend;

@PostgresBackend
class CredentialApiPostgresIT extends CredentialApiTest {
}
