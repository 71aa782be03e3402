package dev.automateos.engine.expression;

import com.dashjoin.jsonata.Jsonata;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSONata regular expression ({@code /…/} with the flags {@code i} and {@code m}) compiled with
 * RE2/J, which matches in time linear in the text: no pattern, {@code (a+)+$} included, can keep an
 * evaluation thread busy. The JSONata library compiles its regex literals with
 * {@code java.util.regex}, which backtracks and cannot be interrupted, so {@link RegexLiterals}
 * swaps every literal for one of these when an expression is parsed, and {@link RegexFunctions}
 * matches with it.
 *
 * <p>It is a function, as a regex is in JSONata: {@code /ab/("xaby")} and {@code s ~> /ab/} give the
 * first match as {@code {match, start, end, groups, next}} ({@code next()} gives the following one),
 * or undefined; {@code $map(texts, /ab/)} and {@code $filter(texts, /ab/)} work too. Immutable and
 * shared between threads; compiled patterns are cached.
 */
final class LinearRegex extends Jsonata.JFunction {

    static final int CACHE_CAPACITY = 1_024;

    private static final Map<Key, LinearRegex> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, LinearRegex> eldest) {
            return size() > CACHE_CAPACITY;
        }
    };

    /** Never called ({@link #call} is overridden); the library needs one to build a signature. */
    private static final Jsonata.JFunctionCallable OVERRIDDEN = (input, args) -> {
        throw new IllegalStateException("LinearRegex.call is overridden");
    };

    private final Pattern pattern;

    private record Key(String source, int javaFlags) {}

    private LinearRegex(Pattern pattern) {
        // A signature (one string) gives the regex an arity, so $map, $filter and the like can apply it too.
        super(OVERRIDDEN, "<s:o>");
        this.pattern = pattern;
    }

    /** The RE2/J translation of a regex compiled by the JSONata parser; throws {@link ExpressionException} when RE2/J cannot match it. */
    static LinearRegex of(java.util.regex.Pattern javaPattern) {
        Key key = new Key(javaPattern.pattern(), javaPattern.flags());
        synchronized (CACHE) {
            LinearRegex cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        LinearRegex compiled = new LinearRegex(compile(key.source(), key.javaFlags()));
        synchronized (CACHE) {
            CACHE.putIfAbsent(key, compiled);
            return CACHE.get(key);
        }
    }

    /** A regex argument of a JSONata function, or null when the argument is not one. */
    static LinearRegex from(Object argument) {
        if (argument instanceof LinearRegex regex) {
            return regex;
        }
        return argument instanceof java.util.regex.Pattern javaPattern ? of(javaPattern) : null;
    }

    Matcher matcher(String text) {
        return pattern.matcher(text);
    }

    /** Arguments are not checked against the signature: as in the library, arguments that are not strings are skipped. */
    @Override
    public Object validate(Object args, Object context) {
        return args;
    }

    /** Applied as a function: one match object, or undefined, per string argument, as the library does. */
    @Override
    public Object call(Object input, List args) {
        List<Object> results = new ArrayList<>();
        for (Object argument : args) {
            if (argument instanceof String text) {
                results.add(next(pattern.matcher(text)));
            }
        }
        return results.size() == 1 ? results.getFirst() : results;
    }

    private static Map<String, Object> next(Matcher matcher) {
        if (!matcher.find()) {
            return null;
        }
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("match", matcher.group());
        match.put("start", matcher.start());
        match.put("end", matcher.end());
        match.put("groups", groups(matcher));
        match.put("next", (Jsonata.Fn0<Object>) () -> next(matcher));
        return match;
    }

    /** The capture groups of the current match, group 1 first; a group that took no part is null. */
    static List<String> groups(Matcher matcher) {
        List<String> groups = new ArrayList<>(matcher.groupCount());
        for (int i = 1; i <= matcher.groupCount(); i++) {
            groups.add(matcher.group(i));
        }
        return groups;
    }

    private static Pattern compile(String source, int javaFlags) {
        int flags = 0;
        if ((javaFlags & java.util.regex.Pattern.CASE_INSENSITIVE) != 0) {
            flags |= Pattern.CASE_INSENSITIVE;
        }
        if ((javaFlags & java.util.regex.Pattern.MULTILINE) != 0) {
            flags |= Pattern.MULTILINE;
        }
        if ((javaFlags & java.util.regex.Pattern.DOTALL) != 0) {
            flags |= Pattern.DOTALL;
        }
        try {
            return Pattern.compile(unicodeEscapes(source), flags);
        } catch (PatternSyntaxException e) {
            String detail = e.getPattern() == null || e.getPattern().isEmpty()
                    ? e.getDescription() : e.getDescription() + " " + e.getPattern();
            throw new ExpressionException("the regular expression /" + source + "/ is not supported (" + detail
                    + "): regular expressions are matched in linear time (RE2 syntax), so backreferences such as \\1"
                    + " and lookaround such as (?=…), (?!…), (?<=…) and (?<!…) are not available.", e);
        }
    }

    /** {@code \}{@code uXXXX}, which JavaScript and Java regexes accept, written the RE2 way ({@code \x{XXXX}}). */
    private static String unicodeEscapes(String source) {
        if (!source.contains("\\u")) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length() && source.charAt(i + 1) == 'u' && isHex(source, i + 2, i + 6)) {
                out.append("\\x{").append(source, i + 2, i + 6).append('}');
                i += 5;
            } else if (c == '\\' && i + 1 < source.length()) {
                // Any other escape, an escaped backslash included, is copied whole so its second character is not read as a start.
                out.append(c).append(source.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
