package dev.automateos.server.auth;

import dev.automateos.server.support.FreshDatabase;
import dev.automateos.testkit.RequiresPostgres;

/** The registration tests on a fresh PostgreSQL schema of their own, where the row lock really races. */
@RequiresPostgres
class RegistrationServicePostgresIT extends RegistrationServiceTest {

    @Override
    protected FreshDatabase newDatabase() {
        return FreshDatabase.postgres();
    }
}
