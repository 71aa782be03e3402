package dev.automateos.engine.expression;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Tries a template against sample data, for the editor's "try it" box and
 * {@code POST /api/v1/expressions/evaluate}. Same syntax, sandbox and limits as a run; never
 * throws for a bad template, it describes the problem instead. Thread-safe.
 */
public final class ExpressionEvaluator {

    private final TemplateRenderer renderer;

    public ExpressionEvaluator() {
        this(ExpressionLimits.DEFAULTS);
    }

    public ExpressionEvaluator(ExpressionLimits limits) {
        this.renderer = new TemplateRenderer(limits);
    }

    /**
     * The outcome of one evaluation: {@code value} when it worked, otherwise {@code error}.
     *
     * @param value the rendered JSON value (JSON null for an undefined result); null on error
     * @param error what went wrong; null on success
     */
    public record Evaluation(JsonNode value, Problem error) {

        public boolean ok() {
            return error == null;
        }
    }

    /**
     * @param message  a sentence naming the expression
     * @param position 1-based character in the template near the problem, or 0 when unknown
     */
    public record Problem(String message, int position) {}

    /** Renders {@code template} against a scope. */
    public Evaluation evaluate(String template, ExpressionScope scope) {
        if (template == null) {
            return new Evaluation(null, new Problem("A template is required.", 0));
        }
        try {
            return new Evaluation(renderer.render(template, scope), null);
        } catch (ExpressionException e) {
            return new Evaluation(null, new Problem(e.getMessage(), e.position()));
        }
    }

    /**
     * Renders {@code template} against sample data shaped like a run's variables:
     * {@code {"trigger": ..., "input": ..., "nodes": {...}, "vars": {...}, "execution": {...},
     * "workflow": {...}}}; every key is optional, and anything else in the sample is ignored.
     */
    public Evaluation evaluate(String template, JsonNode sample, Instant now) {
        return evaluate(template, scopeOf(sample == null ? JsonNodeFactory.instance.objectNode() : sample, now));
    }

    private static ExpressionScope scopeOf(JsonNode sample, Instant now) {
        return new ExpressionScope(part(sample, "trigger"), part(sample, "input"), objectPart(sample, "nodes"),
                objectPart(sample, "vars"), objectPart(sample, "execution"), objectPart(sample, "workflow"), now);
    }

    private static JsonNode part(JsonNode sample, String name) {
        JsonNode value = sample.get(name);
        return value == null ? JsonNodeFactory.instance.nullNode() : value;
    }

    private static JsonNode objectPart(JsonNode sample, String name) {
        JsonNode value = sample.get(name);
        return value == null || value.isNull() ? JsonNodeFactory.instance.objectNode() : value;
    }
}
