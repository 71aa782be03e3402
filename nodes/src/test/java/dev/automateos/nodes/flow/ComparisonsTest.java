package dev.automateos.nodes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.node.NodeFailure;
import dev.automateos.engine.workflow.WorkflowFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Every operator, on JSON values as templates render them (left and right given as JSON text). */
class ComparisonsTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "150          | equals           | '\"150\"'      | true",
            "150          | equals           | 150.0          | true",
            "'\"Paid\"'   | equals           | '\"paid\"'     | false",
            "'\"007\"'    | equals           | '\"7\"'        | false",
            "true         | equals           | '\"true\"'     | true",
            "null         | equals           | null           | true",
            "null         | equals           | '\"\"'         | false",
            "'[1,2]'      | equals           | '[1,2]'        | true",
            "1            | not_equals       | 2              | true",
            "'\"abc\"'    | not_equals       | '\"abc\"'      | false",
            "'\"hello world\"' | contains    | '\"lo w\"'     | true",
            "'[\"a\",\"urgent\"]' | contains  | '\"urgent\"'   | true",
            "'[1,2,3]'    | contains         | '\"2\"'        | true",
            "'{\"k\":1}'  | contains         | '\"k\"'        | true",
            "null         | contains         | '\"x\"'        | false",
            "'\"abc\"'    | not_contains     | '\"d\"'        | true",
            "null         | not_contains     | '\"d\"'        | false",
            "'\"invoice-7\"' | starts_with   | '\"invoice\"'  | true",
            "'\"invoice-7\"' | ends_with     | '\"-7\"'       | true",
            "'\"invoice-7\"' | ends_with     | '\"-8\"'       | false",
            "'[1]'        | starts_with      | '\"[\"'        | false",
            "150          | greater_than     | '\"100\"'      | true",
            "'\"9\"'      | greater_than     | '\"10\"'       | false",
            "100          | greater_than     | 100            | false",
            "100          | greater_or_equal | 100            | true",
            "99.5         | less_than        | 100            | true",
            "100          | less_or_equal    | 100            | true",
            "'\"2026-03-02\"' | greater_than | '\"2026-03-01T23:00:00Z\"' | true",
            "'\"2026-03-01T10:00:00+02:00\"' | less_than | '\"2026-03-01T09:00:00Z\"' | true",
            "'\"2026-03-01T10:00:00\"' | less_than | '\"2026-03-01T10:00:01Z\"' | true",
            "'\"banana\"' | greater_than     | '\"apple\"'    | true",
            "'\"abc\"'    | greater_than     | 5              | false",
            "null         | less_than        | 5              | false",
            "'{\"a\":1}'  | greater_than     | 0              | false",
            "0            | exists           |                | true",
            "null         | exists           |                | false",
            "null         | not_exists       |                | true",
            "'\"\"'       | is_empty         |                | true",
            "'[]'         | is_empty         |                | true",
            "'{}'         | is_empty         |                | true",
            "null         | is_empty         |                | true",
            "'\" \"'      | is_empty         |                | false",
            "0            | is_empty         |                | false",
            "'[0]'        | is_not_empty     |                | true",
            "'\"order-42\"' | matches_regex  | '\"^order-\\\\d+$\"' | true",
            "'\"order-x\"' | matches_regex   | '\"^order-\\\\d+$\"' | false",
            "42           | matches_regex    | '\"^4\"'       | true",
            "null         | matches_regex    | '\".*\"'       | false"})
    void appliesEachOperator(String left, String operator, String right, boolean expected) {
        Operator op = Operator.valueOf(operator.toUpperCase());

        assertThat(Comparisons.test(op, json(left), right == null ? null : json(right), true)).isEqualTo(expected);
    }

    @Test
    void ignoresCaseWhenAsked() {
        assertThat(Comparisons.test(Operator.EQUALS, json("\"PAID\""), json("\"paid\""), false)).isTrue();
        assertThat(Comparisons.test(Operator.CONTAINS, json("\"Hello\""), json("\"HELL\""), false)).isTrue();
        assertThat(Comparisons.test(Operator.STARTS_WITH, json("\"Hello\""), json("\"he\""), false)).isTrue();
        assertThat(Comparisons.test(Operator.MATCHES_REGEX, json("\"ABC\""), json("\"^abc$\""), false)).isTrue();
        assertThat(Comparisons.test(Operator.MATCHES_REGEX, json("\"ABC\""), json("\"^abc$\""), true)).isFalse();
    }

    @Test
    void matchesACatastrophicBacktrackingPatternInLinearTime() {
        // A backtracking engine needs longer than the universe's age for these; a linear one a moment.
        // The bound is loose on purpose, so a busy build machine cannot fail it.
        String input = "\"" + "a".repeat(20_000) + "!\"";
        long start = System.nanoTime();

        boolean matched = Comparisons.test(Operator.MATCHES_REGEX, json(input), json("\"(a+)+$\""), true)
                | Comparisons.test(Operator.MATCHES_REGEX, json(input), json("\"^(a|aa)+$\""), true)
                | Comparisons.test(Operator.MATCHES_REGEX, json(input), json("\"(.*a){20}b\""), true);

        assertThat(matched).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
    }

    @Test
    void refusesAnInvalidPatternWithAClearMessage() {
        assertThatThrownBy(() -> Comparisons.test(Operator.MATCHES_REGEX, json("\"a\""), json("\"(unclosed\""), true))
                .isInstanceOf(NodeFailure.class).hasMessageContaining("(unclosed").hasMessageContaining("not valid")
                .satisfies(e -> assertThat(((NodeFailure) e).code()).isEqualTo("invalid_regex"));
        assertThatThrownBy(() -> Comparisons.test(Operator.MATCHES_REGEX, json("\"aa\""), json("\"(a)\\\\1\""), true))
                .isInstanceOf(NodeFailure.class).hasMessageContaining("back-references");
    }

    @Test
    void refusesAPatternLongerThanTheLimit() {
        String pattern = "\"" + "a".repeat(Comparisons.MAX_PATTERN_LENGTH + 1) + "\"";

        assertThatThrownBy(() -> Comparisons.test(Operator.MATCHES_REGEX, json("\"a\""), json(pattern), true))
                .isInstanceOf(NodeFailure.class).hasMessageContaining("at most 1000");
    }

    private static JsonNode json(String text) {
        return WorkflowFormat.parseJson("{\"v\": " + text + "}").get("v");
    }
}
