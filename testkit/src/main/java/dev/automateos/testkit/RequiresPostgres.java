package dev.automateos.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only when PostgreSQL is reachable ({@code AUTOMATEOS_TEST_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}); elsewhere it is skipped with the reason. Under
 * CI ({@code CI=true}) an unreachable server fails the class instead. Each test JVM gets a fresh
 * schema, named in the system property {@value TestPostgres#SCHEMA_PROPERTY}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(TestPostgres.class)
public @interface RequiresPostgres {
}
