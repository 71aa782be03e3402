package dev.automateos.engine.execution;

import dev.automateos.engine.expression.ExpressionScope;
import dev.automateos.engine.expression.Template;
import dev.automateos.engine.expression.TemplateRenderer;
import dev.automateos.engine.node.CredentialSecret;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.OutboundHttp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The {@link NodeContext} of one step attempt. Not thread-safe: one node runs on one thread. */
final class StepContext implements NodeContext {

    static final int MAX_LOG_LINES = 100;
    static final int MAX_LOG_LINE = 2_000;

    private final ExpressionScope scope;
    private final TemplateRenderer renderer;
    private final Clock clock;
    private final NodeServices services;
    private final UUID workflowId;
    private final String idempotencyKey;
    private final List<String> log = new ArrayList<>();

    StepContext(ExpressionScope scope, TemplateRenderer renderer, Clock clock, NodeServices services, UUID workflowId,
                String idempotencyKey) {
        this.scope = scope;
        this.renderer = renderer;
        this.clock = clock;
        this.services = services;
        this.workflowId = workflowId;
        this.idempotencyKey = idempotencyKey;
    }

    @Override
    public <T> T render(Template<T> template) {
        return template.convert(renderer.render(template.source(), scope));
    }

    @Override
    public JsonNode input() {
        return scope.input();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Keeps the first {@value #MAX_LOG_LINES} lines, each cut at {@value #MAX_LOG_LINE} characters: a loop must not fill the store. */
    @Override
    public void log(String message) {
        if (log.size() < MAX_LOG_LINES) {
            String line = String.valueOf(message);
            log.add(line.length() > MAX_LOG_LINE ? line.substring(0, MAX_LOG_LINE) + "…" : line);
        } else if (log.size() == MAX_LOG_LINES) {
            log.add("(further log lines dropped)");
        }
    }

    @Override
    public OutboundHttp http() {
        return services.http();
    }

    @Override
    public <T extends CredentialSecret> T credential(String credentialId, Class<T> kind) {
        return services.credential(workflowId, credentialId, kind);
    }

    @Override
    public String idempotencyKey() {
        return idempotencyKey;
    }

    List<String> logged() {
        return List.copyOf(log);
    }
}
