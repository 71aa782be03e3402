package dev.automateos.engine.expression;

import com.dashjoin.jsonata.Jsonata;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Replaces, in a freshly parsed expression, every regex literal the JSONata parser compiled with
 * {@code java.util.regex} by its {@link LinearRegex}, so no regex in an expression ever runs on the
 * backtracking engine: not in {@code $match} and the other functions, and not when the regex is
 * itself applied ({@code s ~> /re/}, {@code /re/(s)}, a regex passed around in a variable). A
 * pattern RE2/J cannot match fails here, when the expression is parsed, so it is reported on save.
 *
 * <p>The library keeps its syntax tree in package-private fields; they are read by reflection,
 * once per parse. If a library upgrade renames them, class initialisation fails loudly rather than
 * letting a backtracking regex through.
 */
final class RegexLiterals {

    private static final Field AST;
    private static final Field VALUE;
    private static final List<Field> CHILDREN;
    private static final Class<?> SYMBOL;

    static {
        try {
            AST = Jsonata.class.getDeclaredField("ast");
            AST.setAccessible(true);
            SYMBOL = AST.getType();
            VALUE = SYMBOL.getDeclaredField("value");
            VALUE.setAccessible(true);
            List<Field> children = new ArrayList<>();
            for (Field field : SYMBOL.getDeclaredFields()) {
                Class<?> type = field.getType();
                boolean mayHoldSymbols = type == SYMBOL || type == Object.class || List.class.isAssignableFrom(type);
                if (!Modifier.isStatic(field.getModifiers()) && mayHoldSymbols) {
                    field.setAccessible(true);
                    children.add(field);
                }
            }
            CHILDREN = List.copyOf(children);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("The JSONata library's syntax tree is not as expected (was it upgraded?); "
                    + "regex literals cannot be made linear-time.", e);
        }
    }

    private RegexLiterals() {}

    /** Swaps the regex literals of {@code jsonata}'s syntax tree; call it before the expression is shared. */
    static void makeLinear(Jsonata jsonata) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> pending = new ArrayDeque<>();
        push(read(AST, jsonata), pending);
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof List<?> list) {
                list.forEach(item -> push(item, pending));
            } else if (node instanceof Object[] array) {
                for (Object item : array) {
                    push(item, pending);
                }
            } else if (SYMBOL.isInstance(node)) {
                if (read(VALUE, node) instanceof java.util.regex.Pattern pattern) {
                    write(VALUE, node, LinearRegex.of(pattern));
                }
                for (Field field : CHILDREN) {
                    push(read(field, node), pending);
                }
            }
        }
    }

    private static void push(Object value, Deque<Object> pending) {
        if (value != null && (SYMBOL.isInstance(value) || value instanceof List<?> || value instanceof Object[])) {
            pending.push(value);
        }
    }

    private static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Field field, Object target, Object value) {
        try {
            field.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
