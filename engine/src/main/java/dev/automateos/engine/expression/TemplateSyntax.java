package dev.automateos.engine.expression;

import com.dashjoin.jsonata.JException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template string into literal text and {@code {{ expression }}} parts, and checks their
 * syntax. The closing {@code }}} of an expression is found outside JSONata string literals, quoted
 * names and comments, and after any object constructor braces are balanced, so
 * {@code {{ {"a": {"b": 1}} }}} is one expression. A literal {@code {{} or {@code }}} in text is
 * written as an expression: {@code {{ "{{" }}}.
 */
public final class TemplateSyntax {

    /** One piece of a template. */
    public sealed interface Part permits Text, Expression {}

    /** Literal text, copied as is. */
    public record Text(String text) implements Part {}

    /**
     * A JSONata expression.
     *
     * @param source the JSONata source between the braces
     * @param offset 0-based index of the opening {@code {{} in the template
     */
    public record Expression(String source, int offset) implements Part {}

    private TemplateSyntax() {}

    /** True when the string holds at least one {@code {{} or {@code }}}, i.e. it must be parsed as a template. */
    public static boolean isTemplate(String value) {
        return value.contains("{{") || value.contains("}}");
    }

    /** Splits the template; throws {@link ExpressionException} when braces do not balance or an expression is empty. */
    public static List<Part> parse(String template) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{{", i)) {
                int close = findClose(template, i + 2);
                if (close < 0) {
                    throw new ExpressionException("'{{' at character " + (i + 1)
                            + " is not closed by '}}' (look for a missing '}}' or an unterminated string).", i + 1, null);
                }
                String source = template.substring(i + 2, close);
                if (source.isBlank()) {
                    throw new ExpressionException("The expression at character " + (i + 1) + " is empty.", i + 1, null);
                }
                flush(text, parts);
                parts.add(new Expression(source, i));
                i = close + 2;
            } else if (template.startsWith("}}", i)) {
                throw new ExpressionException("'}}' at character " + (i + 1)
                        + " has no matching '{{'. Write literal braces as {{ \"}}\" }}.", i + 1, null);
            } else {
                text.append(template.charAt(i++));
            }
        }
        flush(text, parts);
        return parts;
    }

    /**
     * Every syntax problem in the template, each as a sentence; empty when the template is valid.
     * Stops at the first brace problem, because the parts after it cannot be located reliably.
     */
    public static List<String> problems(String template) {
        List<Part> parts;
        try {
            parts = parse(template);
        } catch (ExpressionException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Expression expression) {
                String problem = jsonataProblem(expression);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }

    /**
     * Compiles one expression (through the shared cache); throws {@link ExpressionException} with a
     * readable message and position when it does not parse, uses a reserved {@code $__} name or holds
     * a regex literal that cannot be matched in linear time.
     */
    static ParsedExpression compile(Expression expression) {
        int reserved = expression.source().indexOf("$__");
        if (reserved >= 0) {
            // The evaluator keeps its time and depth guards in variables named $__...; rebinding them would escape the bounds.
            throw new ExpressionException("The expression {{" + expression.source() + "}} at character "
                    + (expression.offset() + 1) + " uses a name starting with '$__', which is reserved.",
                    expression.offset() + 3 + reserved, null);
        }
        try {
            return CompiledExpressions.get(expression.source());
        } catch (JException e) {
            throw new ExpressionException(describe(expression, e), expression.offset() + 3 + Math.max(0, e.getLocation() - 1), e);
        } catch (ExpressionException e) {
            // A regex literal RE2/J cannot match (RegexLiterals): the message says why.
            throw new ExpressionException("The expression {{" + expression.source() + "}} at character "
                    + (expression.offset() + 1) + " cannot be used: " + e.getMessage(), expression.offset() + 1, e);
        } catch (RuntimeException e) {
            // The parser has a few unchecked failure modes of its own on odd input; they are still syntax errors.
            throw new ExpressionException("The expression {{" + expression.source() + "}} does not parse.",
                    expression.offset() + 1, e);
        }
    }

    private static String jsonataProblem(Expression expression) {
        try {
            compile(expression);
            return null;
        } catch (ExpressionException e) {
            return e.getMessage();
        }
    }

    private static String describe(Expression expression, JException e) {
        return "The expression {{" + expression.source() + "}} at character " + (expression.offset() + 1)
                + " does not parse: " + e.getMessage() + " (error " + e.getError() + " near character "
                + e.getLocation() + " of the expression).";
    }

    private static void flush(StringBuilder text, List<Part> parts) {
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
            text.setLength(0);
        }
    }

    /** Index of the closing "}}" for an expression starting at {@code from}, or -1. */
    private static int findClose(String s, int from) {
        int depth = 0;
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipQuoted(s, i, c);
                if (i < 0) {
                    return -1;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
                continue;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0 && s.startsWith("}}", i)) {
                    return i;
                }
                depth = Math.max(0, depth - 1);
            }
            i++;
        }
        return -1;
    }

    /** Index of the quote closing the literal opened at {@code start}, or -1. Backslash escapes apply except in `names`. */
    private static int skipQuoted(String s, int start, char quote) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }
}
