package dev.automateos.engine.expression;

import com.dashjoin.jsonata.Jsonata;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed expression with two facts read off its source once, so each evaluation does less:
 * <ul>
 *   <li>{@link #variables()}: the scope variables its text names. Only those are converted and
 *       bound; the others stay unbound, and JSONata gives undefined for them, exactly what an
 *       expression that never names them would see. A name inside a string literal is counted too,
 *       which only binds one more variable than needed.</li>
 *   <li>{@link #runsInline()}: whether it can run on the caller's thread under the evaluator's
 *       cooperative bounds alone. Without a parenthesis it cannot call a function (built-in or its
 *       own, so no recursion and no regex), without {@code ~>} it cannot apply one, and without
 *       {@code ..} it cannot build a range; what remains (paths, predicates, arithmetic,
 *       comparisons, constructors) is linear in its data, and every step of it checks the time and
 *       depth bounds. Anything else runs under the hard deadline on the evaluation pool.</li>
 * </ul>
 */
record ParsedExpression(Jsonata jsonata, Set<String> variables, boolean runsInline) {

    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final int MAX_INLINE_CHARS = 2_000;

    static ParsedExpression of(String source, Jsonata jsonata, Set<String> scopeNames) {
        Set<String> named = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(source);
        while (matcher.find()) {
            if (scopeNames.contains(matcher.group(1))) {
                named.add(matcher.group(1));
            }
        }
        boolean inline = source.length() <= MAX_INLINE_CHARS && source.indexOf('(') < 0
                && !source.contains("~>") && !source.contains("..");
        return new ParsedExpression(jsonata, Set.copyOf(named), inline);
    }
}
