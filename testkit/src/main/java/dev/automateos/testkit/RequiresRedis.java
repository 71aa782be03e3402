package dev.automateos.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only when Redis answers at {@link TestRedis#URL} ({@code AUTOMATEOS_TEST_REDIS_URL},
 * default {@code redis://127.0.0.1:6379}); elsewhere it is skipped with the reason. Under CI
 * ({@code CI=true}) an unreachable server fails the class instead. Tests keep apart by key prefix
 * ({@link TestRedis#newPrefix()}), never by flushing: other builds share the server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(TestRedis.class)
public @interface RequiresRedis {
}
