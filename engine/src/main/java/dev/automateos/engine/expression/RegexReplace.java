package dev.automateos.engine.expression;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.google.re2j.Matcher;
import java.util.List;
import java.util.Map;

/**
 * {@code $replace(str, pattern, replacement [, limit])} for {@link RegexFunctions}, with JSONata's
 * rules: a string pattern is found literally; a regex pattern is matched with RE2/J; a string
 * replacement is literal for a string pattern, and for a regex takes {@code $0} (the match),
 * {@code $1}…{@code $n} (the groups; a group that does not exist or took no part gives nothing) and
 * {@code $$} (a dollar sign), any other {@code $} and every backslash being literal; a function
 * replacement is called with each match as {@code {match, index, groups}} and must return a string;
 * the limit caps the number of replacements.
 */
final class RegexReplace {

    private RegexReplace() {}

    static Object replace(List<?> args) {
        String text = (String) RegexFunctions.argument(args, 0);
        if (text == null) {
            return null;
        }
        Object pattern = RegexFunctions.argument(args, 1);
        Object replacement = RegexFunctions.argument(args, 2);
        if (pattern instanceof String s && s.isEmpty()) {
            throw new JException("D3010", -1);
        }
        Integer limit = RegexFunctions.limit(args, 3);
        if (limit != null && limit < 0) {
            throw new JException("D3011", -1);
        }
        int max = limit == null ? Integer.MAX_VALUE : limit;
        LinearRegex regex = LinearRegex.from(pattern);
        return regex == null ? literal(text, (String) pattern, replacement, max) : matched(text, regex, replacement, max);
    }

    private static String literal(String text, String pattern, Object replacement, int max) {
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        int count = 0;
        int index = text.indexOf(pattern);
        while (index >= 0 && count < max) {
            out.append(text, position, index);
            out.append(replacement instanceof String s ? s
                    : call(replacement, Map.of("match", pattern, "index", index, "groups", List.of())));
            position = index + pattern.length();
            count++;
            index = text.indexOf(pattern, position);
        }
        return out.append(text, position, text.length()).toString();
    }

    private static String matched(String text, LinearRegex regex, Object replacement, int max) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher matcher = regex.matcher(text);
        int position = 0;
        int count = 0;
        while (count < max && matcher.find()) {
            out.append(text, position, matcher.start());
            if (replacement instanceof String template) {
                substitute(template, matcher, out);
            } else {
                out.append(call(replacement, RegexFunctions.matchObject(matcher)));
            }
            position = matcher.end();
            count++;
        }
        return out.append(text, position, text.length()).toString();
    }

    /**
     * Expands {@code $} references as JSONata does: after {@code $} as many digits are read as the
     * number of groups has, one fewer when that names a group that does not exist.
     */
    static void substitute(String template, Matcher matcher, StringBuilder out) {
        int groups = matcher.groupCount();
        int maxDigits = groups == 0 ? 1 : String.valueOf(groups).length();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            char next = i + 1 < template.length() ? template.charAt(i + 1) : 0;
            if (c != '$') {
                out.append(c);
                i++;
            } else if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '0') {
                out.append(matcher.group());
                i += 2;
            } else if (next >= '1' && next <= '9') {
                int end = i + 1;
                while (end < template.length() && end - i - 1 < maxDigits && isDigit(template.charAt(end))) {
                    end++;
                }
                int group = Integer.parseInt(template, i + 1, end, 10);
                if (end - i - 1 > 1 && group > groups) {
                    end--;
                    group = Integer.parseInt(template, i + 1, end, 10);
                }
                if (group <= groups && matcher.group(group) != null) {
                    out.append(matcher.group(group));
                }
                i = end;
            } else {
                out.append('$');
                i++;
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String call(Object function, Map<String, Object> match) {
        Object result;
        try {
            result = Functions.funcApply(function, List.of(match));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new ExpressionException("the replacement function of $replace failed: " + e, e);
        }
        if (!(result instanceof String s)) {
            throw new JException("D3012", -1, result);
        }
        return s;
    }
}
