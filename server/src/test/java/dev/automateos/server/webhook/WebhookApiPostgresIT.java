package dev.automateos.server.webhook;

import dev.automateos.server.support.PostgresBackend;

@PostgresBackend
class WebhookApiPostgresIT extends WebhookApiTest {
}
