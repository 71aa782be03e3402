package dev.automateos.engine.expression;

import com.dashjoin.jsonata.Jsonata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used cache of parsed JSONata expressions, shared by every renderer, so a
 * workflow's expressions are parsed once, not on every run. A parsed expression is safe to share:
 * each evaluation gets its own frame. Only successful parses are cached, with their regex literals
 * already compiled for RE2/J ({@link RegexLiterals}).
 */
final class CompiledExpressions {

    static final int CAPACITY = 4_096;

    private static final Map<String, ParsedExpression> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParsedExpression> eldest) {
            return size() > CAPACITY;
        }
    };

    private CompiledExpressions() {}

    /** The parsed expression; throws the parser's exception when it does not parse. */
    static ParsedExpression get(String source) {
        synchronized (CACHE) {
            ParsedExpression cached = CACHE.get(source);
            if (cached != null) {
                return cached;
            }
        }
        // Parsed outside the lock: a slow parse must not stall every other render.
        Jsonata jsonata = Jsonata.jsonata(source);
        // Before it is shared: from here on its regex literals are RE2/J ones.
        RegexLiterals.makeLinear(jsonata);
        ParsedExpression parsed = ParsedExpression.of(source, jsonata, ExpressionScope.NAMES);
        synchronized (CACHE) {
            CACHE.putIfAbsent(source, parsed);
            return CACHE.get(source);
        }
    }

    static int size() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }

    static boolean contains(String source) {
        synchronized (CACHE) {
            return CACHE.containsKey(source);
        }
    }
}
