package dev.automateos.engine.expression;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Renders templates: every {@code {{ expr }}} is evaluated with JSONata against an
 * {@link ExpressionScope}. A template that is exactly one expression (surrounding whitespace
 * ignored) keeps the JSON type of its result; otherwise results are spliced into the text
 * (strings as is, null and undefined as nothing, anything else as compact JSON). A string with
 * no braces is returned unchanged. No Java function is registered: expressions see only the scope.
 * Thread-safe.
 */
public final class TemplateRenderer {

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

    private static JsonNode evaluate(TemplateSyntax.Expression expression, ExpressionScope scope) {
        Jsonata jsonata = TemplateSyntax.compile(expression);
        Jsonata.Frame frame = jsonata.createFrame();
        scope.variables().forEach((name, value) -> frame.bind(name, JsonataValues.toJava(value)));
        try {
            JsonNode input = scope.input();
            Object root = input == null || input.isNull() ? null : JsonataValues.toJava(input);
            return JsonataValues.toJson(jsonata.evaluate(root, frame));
        } catch (JException e) {
            throw new ExpressionException("The expression {{" + expression.source() + "}} failed: "
                    + e.getMessage() + " (error " + e.getError() + ").", e);
        } catch (ExpressionException e) {
            throw new ExpressionException("The expression {{" + expression.source() + "}}: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ExpressionException("The expression {{" + expression.source() + "}} failed: " + e, e);
        }
    }

    private static String asText(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isString() ? value.stringValue() : value.toString();
    }
}
