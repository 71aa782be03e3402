package dev.automateos.server.support;

import dev.automateos.testkit.RequiresPostgres;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs an {@link ApiTest} against the real PostgreSQL instead of H2. Every class with this
 * annotation shares one Spring context. Name such classes {@code *PostgresIT}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@RequiresPostgres
@ActiveProfiles("pg")
public @interface PostgresBackend {
}
