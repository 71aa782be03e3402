package dev.automateos.engine.expression;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code $match}, {@code $contains}, {@code $split} and {@code $replace}, bound on every evaluation
 * frame in place of the library's: with a regex they match with RE2/J ({@link LinearRegex}), in
 * linear time; with a plain string they behave as the library does. Same signatures as the
 * library's, so argument checks and the use of the context value stay the same.
 */
final class RegexFunctions {

    private static final Jsonata.JFunction MATCH =
            Jsonata.function("match", (Jsonata.FnVarArgs<Object>) RegexFunctions::match, "<s-f<s:o>n?:a<o>>");
    private static final Jsonata.JFunction CONTAINS =
            Jsonata.function("contains", (Jsonata.FnVarArgs<Object>) RegexFunctions::contains, "<s-(sf):b>");
    private static final Jsonata.JFunction SPLIT =
            Jsonata.function("split", (Jsonata.FnVarArgs<Object>) RegexFunctions::split, "<s-(sf)n?:a<s>>");
    private static final Jsonata.JFunction REPLACE =
            Jsonata.function("replace", (Jsonata.FnVarArgs<Object>) RegexReplace::replace, "<s-(sf)(sf)n?:s>");

    private RegexFunctions() {}

    static void bind(Jsonata.Frame frame) {
        frame.bind("match", MATCH);
        frame.bind("contains", CONTAINS);
        frame.bind("split", SPLIT);
        frame.bind("replace", REPLACE);
    }

    /** The matches as a sequence of {@code {match, index, groups}}: one match is the object itself, none is undefined. */
    private static Object match(List<?> args) {
        String text = (String) argument(args, 0);
        if (text == null) {
            return null;
        }
        LinearRegex regex = regex(args, "match");
        Integer limit = limit(args, 2);
        if (limit != null && limit < 0) {
            throw new JException("D3040", -1, limit);
        }
        List<Object> matches = Utils.createSequence();
        Matcher matcher = regex.matcher(text);
        while ((limit == null || matches.size() < limit) && matcher.find()) {
            matches.add(matchObject(matcher));
        }
        return matches;
    }

    private static Object contains(List<?> args) {
        String text = (String) argument(args, 0);
        if (text == null) {
            return null;
        }
        LinearRegex regex = LinearRegex.from(argument(args, 1));
        return regex == null ? Functions.contains(text, argument(args, 1)) : regex.matcher(text).find();
    }

    /**
     * Splits as the library does ({@code Pattern.split(text, -1)}): trailing empty strings are kept,
     * and a zero-width match at the very start gives no leading empty string.
     */
    private static Object split(List<?> args) {
        String text = (String) argument(args, 0);
        if (text == null) {
            return null;
        }
        Integer limit = limit(args, 2);
        if (limit != null && limit < 0) {
            throw new JException("D3020", -1, text);
        }
        LinearRegex regex = LinearRegex.from(argument(args, 1));
        if (regex == null) {
            return Functions.split(text, argument(args, 1), limit);
        }
        List<String> parts = new ArrayList<>();
        if (limit != null && limit == 0) {
            return parts;
        }
        Matcher matcher = regex.matcher(text);
        int position = 0;
        while ((limit == null || parts.size() < limit) && matcher.find()) {
            if (position == 0 && matcher.start() == 0 && matcher.end() == 0) {
                continue;
            }
            parts.add(text.substring(position, matcher.start()));
            position = matcher.end();
        }
        if (limit == null || parts.size() < limit) {
            parts.add(text.substring(position));
        }
        return parts;
    }

    /** A match as {@code $match} gives it and a replacement function receives it. */
    static Map<String, Object> matchObject(Matcher matcher) {
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("match", matcher.group());
        match.put("index", matcher.start());
        match.put("groups", LinearRegex.groups(matcher));
        return match;
    }

    static Object argument(List<?> args, int index) {
        Object value = index < args.size() ? args.get(index) : null;
        return value == Jsonata.NULL_VALUE ? null : value;
    }

    /** The regex argument; a function that is not a regex literal is refused with a clear message. */
    static LinearRegex regex(List<?> args, String function) {
        LinearRegex regex = LinearRegex.from(argument(args, 1));
        if (regex == null) {
            throw new ExpressionException("$" + function + " needs a regular expression such as /ab+c/ as its pattern.");
        }
        return regex;
    }

    /** An optional limit argument as a whole number, as the library converts it; null when absent. */
    static Integer limit(List<?> args, int index) {
        return argument(args, index) instanceof Number number ? number.intValue() : null;
    }
}
