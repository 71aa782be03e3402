package dev.automateos.nodes;

import dev.automateos.engine.expression.ExpressionScope;
import dev.automateos.engine.expression.Template;
import dev.automateos.engine.expression.TemplateRenderer;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.workflow.WorkflowFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** A node context over fixed data and a fixed clock, rendering with the real template renderer. */
public final class FakeNodeContext implements NodeContext {

    public static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private final ExpressionScope scope;
    private final List<String> log = new ArrayList<>();

    private FakeNodeContext(ExpressionScope scope) {
        this.scope = scope;
    }

    /** Input given as JSON text; it is also {@code $trigger}, which is what a trigger's successor sees. */
    public static FakeNodeContext withInput(String json) {
        JsonNode input = json == null ? JsonNodeFactory.instance.nullNode() : WorkflowFormat.parseJson(json);
        JsonNode empty = JsonNodeFactory.instance.objectNode();
        return new FakeNodeContext(new ExpressionScope(input, input, empty, empty, empty, empty, NOW));
    }

    @Override
    public <T> T render(Template<T> template) {
        return template.convert(new TemplateRenderer().render(template.source(), scope));
    }

    @Override
    public JsonNode input() {
        return scope.input();
    }

    @Override
    public Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Override
    public void log(String message) {
        log.add(message);
    }

    public List<String> logged() {
        return List.copyOf(log);
    }
}
