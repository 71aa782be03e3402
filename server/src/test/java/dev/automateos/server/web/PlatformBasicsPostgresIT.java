package dev.automateos.server.web;

import dev.automateos.server.support.PostgresBackend;

@PostgresBackend
class PlatformBasicsPostgresIT extends PlatformBasicsTest {
}
