package dev.automateos.server.user;

import dev.automateos.server.support.FreshDatabase;
import dev.automateos.testkit.RequiresPostgres;

@RequiresPostgres
class UserAdminServicePostgresIT extends UserAdminServiceTest {

    @Override
    protected FreshDatabase newDatabase() {
        return FreshDatabase.postgres();
    }
}
