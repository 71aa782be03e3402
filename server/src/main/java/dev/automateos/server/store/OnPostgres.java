package dev.automateos.server.store;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the application's database is PostgreSQL (queue mode); the embedded H2 otherwise. */
public final class OnPostgres implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("automateos.db.url", "");
        return url.strip().startsWith("jdbc:postgresql:");
    }
}
