package dev.automateos.nodes.flow;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.automateos.engine.node.NodeFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The value semantics of {@link Operator}s. Numbers compare as numbers, also when one side is text
 * that is a number ({@code "100"}); ISO-8601 dates and date-times compare in time; other text
 * compares by Unicode code points. Nothing else is coerced: a comparison that makes no sense is
 * false, not an error.
 */
final class Comparisons {

    static final int MAX_PATTERN_LENGTH = 1_000;
    // Compiled once: String.matches compiles its pattern on every call, and a filter runs per execution.
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,300}(\\.\\d{1,300})?([eE][-+]?\\d{1,4})?");
    private static final Pattern OFFSET_AT_END = Pattern.compile("[+-]\\d{2}:?\\d{2}$");

    private Comparisons() {}

    static boolean test(Operator operator, JsonNode left, JsonNode right, boolean caseSensitive) {
        return switch (operator) {
            case EQUALS -> same(left, right, caseSensitive);
            case NOT_EQUALS -> !same(left, right, caseSensitive);
            case CONTAINS -> contains(left, right, caseSensitive);
            case NOT_CONTAINS -> !isNull(left) && !contains(left, right, caseSensitive);
            case STARTS_WITH -> textual(left) && fold(text(left), caseSensitive).startsWith(fold(text(right), caseSensitive));
            case ENDS_WITH -> textual(left) && fold(text(left), caseSensitive).endsWith(fold(text(right), caseSensitive));
            case GREATER_THAN -> compare(left, right, caseSensitive).map(c -> c > 0).orElse(false);
            case GREATER_OR_EQUAL -> compare(left, right, caseSensitive).map(c -> c >= 0).orElse(false);
            case LESS_THAN -> compare(left, right, caseSensitive).map(c -> c < 0).orElse(false);
            case LESS_OR_EQUAL -> compare(left, right, caseSensitive).map(c -> c <= 0).orElse(false);
            case EXISTS -> !isNull(left);
            case NOT_EXISTS -> isNull(left);
            case IS_EMPTY -> isEmpty(left);
            case IS_NOT_EMPTY -> !isEmpty(left);
            case MATCHES_REGEX -> textual(left) && regex(text(right), caseSensitive).matcher(text(left)).find();
        };
    }

    /** Compiles a user's pattern with RE2/J, which matches in linear time: no pattern can hang the engine. */
    static Pattern regex(String pattern, boolean caseSensitive) {
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw NodeFailure.permanent("invalid_regex", "The regular expression is " + pattern.length()
                    + " characters long; at most " + MAX_PATTERN_LENGTH + " are allowed.");
        }
        try {
            return Pattern.compile(pattern, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw NodeFailure.permanent("invalid_regex", "The regular expression /" + pattern + "/ is not valid: "
                    + e.getDescription() + ". (RE2 syntax: no look-around and no back-references.)");
        }
    }

    private static boolean same(JsonNode left, JsonNode right, boolean caseSensitive) {
        if (isNull(left) || isNull(right)) {
            return isNull(left) && isNull(right);
        }
        Optional<BigDecimal> a = number(left);
        Optional<BigDecimal> b = number(right);
        if (a.isPresent() && b.isPresent() && (left.isNumber() || right.isNumber())) {
            return a.get().compareTo(b.get()) == 0;
        }
        if (left.isValueNode() && right.isValueNode()) {
            // A boolean and the text "true" are the same to a person typing into a form.
            return caseSensitive ? text(left).equals(text(right)) : text(left).equalsIgnoreCase(text(right));
        }
        return left.equals(right);
    }

    private static boolean contains(JsonNode left, JsonNode right, boolean caseSensitive) {
        if (isNull(left)) {
            return false;
        }
        if (left.isArray()) {
            return left.valueStream().anyMatch(item -> same(item, right, caseSensitive));
        }
        if (left.isObject()) {
            return left.has(text(right));
        }
        return fold(text(left), caseSensitive).contains(fold(text(right), caseSensitive));
    }

    private static Optional<Integer> compare(JsonNode left, JsonNode right, boolean caseSensitive) {
        if (isNull(left) || isNull(right) || !left.isValueNode() || !right.isValueNode()) {
            return Optional.empty();
        }
        Optional<BigDecimal> a = number(left);
        Optional<BigDecimal> b = number(right);
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get().compareTo(b.get()));
        }
        Optional<Instant> t1 = instant(left);
        Optional<Instant> t2 = instant(right);
        if (t1.isPresent() && t2.isPresent()) {
            return Optional.of(t1.get().compareTo(t2.get()));
        }
        if (left.isString() && right.isString()) {
            return Optional.of(fold(left.stringValue(), caseSensitive).compareTo(fold(right.stringValue(), caseSensitive)));
        }
        return Optional.empty();
    }

    private static boolean isEmpty(JsonNode value) {
        if (isNull(value)) {
            return true;
        }
        if (value.isString()) {
            return value.stringValue().isEmpty();
        }
        return (value.isArray() || value.isObject()) && value.isEmpty();
    }

    static boolean isNull(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private static boolean textual(JsonNode value) {
        return !isNull(value) && value.isValueNode();
    }

    static String text(JsonNode value) {
        if (isNull(value)) {
            return "";
        }
        return value.isString() ? value.stringValue() : value.toString();
    }

    private static String fold(String text, boolean caseSensitive) {
        return caseSensitive ? text : text.toLowerCase(Locale.ROOT);
    }

    private static Optional<BigDecimal> number(JsonNode value) {
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (value.isString() && NUMBER.matches(value.stringValue().strip())) {
            return Optional.of(new BigDecimal(value.stringValue().strip()));
        }
        return Optional.empty();
    }

    /** An ISO-8601 instant, offset date-time, local date-time (read as UTC) or date (its start, UTC). */
    private static Optional<Instant> instant(JsonNode value) {
        if (!value.isString() || value.stringValue().length() < 10 || value.stringValue().length() > 40) {
            return Optional.empty();
        }
        String text = value.stringValue().strip();
        try {
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (text.endsWith("Z") || OFFSET_AT_END.matcher(text).find()) {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            }
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
