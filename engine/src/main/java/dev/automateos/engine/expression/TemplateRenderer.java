package dev.automateos.engine.expression;

import com.dashjoin.jsonata.JException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Renders templates: every {@code {{ expr }}} is evaluated with JSONata against an
 * {@link ExpressionScope}. A template that is exactly one expression (surrounding whitespace
 * ignored) keeps the JSON type of its result; otherwise results are spliced into the text
 * (strings as is, null and undefined as nothing, anything else as compact JSON). A string with
 * no braces is returned unchanged.
 *
 * <p>Each evaluation is sandboxed and bounded by {@link ExpressionLimits} (see
 * {@link SandboxedEvaluation}); parsed expressions are cached. Thread-safe.
 */
public final class TemplateRenderer {

    private final ExpressionLimits limits;

    /** A renderer with {@link ExpressionLimits#DEFAULTS}: 500,000 steps, 1 s hard stop, depth 200, 1 MB per expression. */
    public TemplateRenderer() {
        this(ExpressionLimits.DEFAULTS);
    }

    public TemplateRenderer(ExpressionLimits limits) {
        this.limits = limits;
    }

    public ExpressionLimits limits() {
        return limits;
    }

    /** Renders one template; throws {@link ExpressionException} when it does not parse or evaluation fails. */
    public JsonNode render(String template, ExpressionScope scope) {
        if (!TemplateSyntax.isTemplate(template)) {
            return JsonNodeFactory.instance.stringNode(template);
        }
        List<TemplateSyntax.Part> parts = TemplateSyntax.parse(template);
        if (isSingleExpressionWithWhitespace(parts)) {
            return evaluate(expressionIn(parts), scope);
        }
        StringBuilder out = new StringBuilder();
        for (TemplateSyntax.Part part : parts) {
            switch (part) {
                case TemplateSyntax.Text text -> out.append(text.text());
                case TemplateSyntax.Expression expression -> out.append(asText(evaluate(expression, scope)));
            }
            if (out.length() > limits.maxOutputChars()) {
                throw new ExpressionException("The template is longer than " + limits.maxOutputChars()
                        + " characters once rendered, the limit for one field.");
            }
        }
        return JsonNodeFactory.instance.stringNode(out.toString());
    }

    private static boolean isSingleExpressionWithWhitespace(List<TemplateSyntax.Part> parts) {
        long expressions = parts.stream().filter(p -> p instanceof TemplateSyntax.Expression).count();
        boolean textIsBlank = parts.stream()
                .allMatch(p -> !(p instanceof TemplateSyntax.Text t) || t.text().isBlank());
        return expressions == 1 && textIsBlank;
    }

    private static TemplateSyntax.Expression expressionIn(List<TemplateSyntax.Part> parts) {
        return parts.stream().filter(p -> p instanceof TemplateSyntax.Expression)
                .map(TemplateSyntax.Expression.class::cast).findFirst().orElseThrow();
    }

    private JsonNode evaluate(TemplateSyntax.Expression expression, ExpressionScope scope) {
        ParsedExpression parsed = TemplateSyntax.compile(expression);
        String name = "The expression {{" + expression.source() + "}}";
        int start = expression.offset() + 3;
        try {
            return SandboxedEvaluation.evaluate(parsed, scope, limits);
        } catch (JException e) {
            throw new ExpressionException(name + " failed: " + e.getMessage() + " (error " + e.getError() + ").",
                    start + Math.max(0, e.getLocation() - 1), e);
        } catch (ExpressionException e) {
            throw new ExpressionException(name + " failed: " + e.getMessage(), start, e);
        } catch (RuntimeException e) {
            throw new ExpressionException(name + " failed: " + e, start, e);
        }
    }

    private static String asText(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isString() ? value.stringValue() : value.toString();
    }
}
