package dev.automateos.nodes;

import dev.automateos.engine.expression.ExpressionScope;
import dev.automateos.engine.expression.Template;
import dev.automateos.engine.expression.TemplateRenderer;
import dev.automateos.engine.node.CredentialSecret;
import dev.automateos.engine.node.CredentialUnavailableException;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.OutboundHttp;
import dev.automateos.engine.workflow.WorkflowFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** A node context over fixed data and a fixed clock, rendering with the real template renderer. */
public final class FakeNodeContext implements NodeContext {

    public static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private final ExpressionScope scope;
    private final List<String> log = new ArrayList<>();
    private final Map<String, CredentialSecret> credentials = new HashMap<>();
    private OutboundHttp http = request -> {
        throw new AssertionError("this test gave the node no HTTP client");
    };

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

    @Override
    public OutboundHttp http() {
        return http;
    }

    @Override
    public <T extends CredentialSecret> T credential(String credentialId, Class<T> kind) {
        CredentialSecret secret = credentials.get(credentialId);
        if (!kind.isInstance(secret)) {
            throw new CredentialUnavailableException("No credential " + credentialId + " of kind " + kind.getSimpleName());
        }
        return kind.cast(secret);
    }

    @Override
    public String idempotencyKey() {
        return "execution-1:step";
    }

    /** Gives the node an HTTP client, e.g. one pointed at a local test server. */
    public FakeNodeContext withHttp(OutboundHttp client) {
        this.http = client;
        return this;
    }

    public FakeNodeContext withCredential(String id, CredentialSecret secret) {
        credentials.put(id, secret);
        return this;
    }

    public List<String> logged() {
        return List.copyOf(log);
    }
}
