package dev.automateos.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import dev.automateos.engine.workflow.WorkflowFormat;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The RE2/J regex functions against the JSONata library's own: the same results for ordinary
 * patterns, and JSONata's documented behaviour where the library departs from it.
 */
class RegexFunctionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private final TemplateRenderer renderer = new TemplateRenderer();

    @ParameterizedTest
    @ValueSource(strings = {
        "$match('abc', /b/)",
        "$match('abcb', /b/)",
        "$match('abc', /x/)",
        "$match('ababab', /a(b)/)",
        "$match('abc', /(x)?b/)",
        "$match('a-1 b-22 c-333', /([a-z])-(\\d+)/)",
        "$match('ABC abc', /b/i)",
        "$match('one\\ntwo\\nthree', /^t\\w+$/m)",
        "$match('one\\ntwo', /^two/)",
        "$match('héllo wörld', /ö./)",
        "$match('😀a😀b', /a|b/)",
        "$match('abc', /x*/)",
        "$match('2026-03-01', /(\\d{4})-(\\d{2})-(\\d{2})/).groups",
        "'abcb' ~> $match(/b/)",
        "$count($match('a1b2c3', /\\d/))",
        "$replace('abc', /b/, '[$0]')",
        "$replace('abracadabra', /a(.)/, 'a$1$1')",
        "$replace('abc', /(b)/, '[$1$$]')",
        "$replace('abc', /(b)/, '[$2]')",
        "$replace('abc', /(b)/, '[$12]')",
        "$replace('abc', /b/, '[$1]')",
        "$replace('abc', /b/, 'cost: $')",
        "$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1')",
        "$replace('abcbdb', /b/, 'x', 2)",
        "$replace('abcbdb', /b/, 'x', 0)",
        "$replace('abc', /x*/, '-')",
        "$replace('Hello World', /o/i, '0')",
        "$replace('the cat sat on the mat', 'at', 'it')",
        "$replace('a$b', '$', 'S')",
        "$replace('héllo wörld', /[éö]/, '_')",
        "$split('a,b,,c,', /,/)",
        "$split(',a,b', /,/)",
        "$split('a1b22c333', /\\d+/)",
        "$split('a1b22c333', /\\d+/, 2)",
        "$split('a1b22c333', /\\d+/, 0)",
        "$split('a1b22c333', /\\d+/, 10)",
        "$split('abc', /x*/)",
        "$split('abc', /x/)",
        "$split('one  two three', /\\s+/)",
        "$split('a, b,c', ', ')",
        "$split('abc', '')",
        "$split('abc', '', 2)",
        "$contains('abc', /B/i)",
        "$contains('abc', /B/)",
        "$contains('line\\nnext', /^next$/m)",
        "$contains('abc', 'bc')",
        "$contains('abc', 'x')",
        "($r := /b+/; [$contains('abbc', $r), $replace('abbc', $r, '-'), $split('abbc', $r)])",
        "['apple', 'banana', 'cherry'][$contains($, /an/)]",
        "$match(undefined, /a/)",
        "$replace(undefined, /a/, 'b')"
    })
    void givesTheLibrarysResultForOrdinaryPatterns(String expression) {
        assertThat(render(expression)).as(expression).isEqualTo(library(expression));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$match('abc', /b/, -1)",
        "$split('abc', /b/, -1)",
        "$replace('abc', /b/, 'x', -1)",
        "$replace('abc', '', 'x')",
        "$match(123, /b/)",
        "$match('abc', 'b')",
        "$contains('abc', 1)"
    })
    void refusesWhatTheLibraryRefuses(String expression) {
        assertThatThrownBy(() -> library(expression)).as("library").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> render(expression)).as(expression).isInstanceOf(ExpressionException.class);
    }

    @Test
    void reportsJsonataErrorCodesForBadLimitsAndAnEmptyPattern() {
        assertThatThrownBy(() -> render("$match('abc', /b/, -1)")).hasMessageContaining("(error D3040)");
        assertThatThrownBy(() -> render("$split('abc', /b/, -1)")).hasMessageContaining("(error D3020)");
        assertThatThrownBy(() -> render("$replace('abc', /b/, 'x', -1)")).hasMessageContaining("(error D3011)");
        assertThatThrownBy(() -> render("$replace('abc', '', 'x')")).hasMessageContaining("(error D3010)");
        assertThatThrownBy(() -> render("$replace('abc', /b/, function($m) { 1 })")).hasMessageContaining("(error D3012)");
        assertThatThrownBy(() -> render("$match(123, /b/)")).hasMessageContaining("(error T0410)");
    }

    @Test
    void agreesWithTheLibrarysFunctionsCalledDirectly() {
        Pattern groups = Pattern.compile("(\\w)(\\d)?");
        assertThat(render("$match('a1 b c3', /(\\w)(\\d)?/)"))
                .isEqualTo(JsonataValues.toJson(Functions.match("a1 b c3", groups, null), 10_000));
        assertThat(render("$split('a1b2c', /\\d/)"))
                .isEqualTo(JsonataValues.toJson(Functions.split("a1b2c", Pattern.compile("\\d"), null), 10_000));
        assertThat(render("$replace('a1b2c', /(\\d)/, '<$1>')").stringValue())
                .isEqualTo(Functions.replace("a1b2c", Pattern.compile("(\\d)"), "<$1>", null));
        assertThat(render("$contains('a1b2c', /B/i)").booleanValue())
                .isEqualTo(Functions.contains("a1b2c", Pattern.compile("B", Pattern.CASE_INSENSITIVE)));
    }

    @Test
    void limitsMatchesToTheLimitAsJsonataDocuments() {
        // The library returns one match more than the limit; JSONata's limit is the number of matches.
        assertThat(render("$match('ababab', /a(b)/, 1).index").intValue()).isEqualTo(0);
        assertThat(render("$count($match('ababab', /a(b)/, 2))").intValue()).isEqualTo(2);
        assertThat(render("$match('ababab', /a(b)/, 0)").isNull()).isTrue();
    }

    @Test
    void callsAReplacementFunctionWithTheMatchObject() {
        // The example of the JSONata documentation; the library passes the whole match as groups[0].
        assertThat(render("$replace('temperature = 68F today', /(\\d+)F/, function($m) "
                + "{ ($number($m.groups[0]) - 32) * 5/9 & 'C' })").stringValue()).isEqualTo("temperature = 20C today");
        assertThat(render("$replace('a1b22', /\\d+/, function($m) { $m.match & '@' & $m.index })").stringValue())
                .isEqualTo("a1@1b22@3");
        // With a limit too, which the library cannot do.
        assertThat(render("$replace('a1b2c3', /\\d/, function($m) { '#' }, 2)").stringValue()).isEqualTo("a#b#c3");
    }

    @Test
    void keepsBackslashesAndUnknownDollarReferencesLiteral() {
        // The library hands the replacement to Java's Matcher, which reads backslashes and fails on "$a".
        assertThat(render("$replace('a.b', /\\./, '\\\\')").stringValue()).isEqualTo("a\\b");
        assertThat(render("$replace('x', /x/, '$a$b')").stringValue()).isEqualTo("$a$b");
        assertThat(render("$replace('x', /(x)/, '$1$')").stringValue()).isEqualTo("x$");
    }

    @Test
    void findsAStringPatternLiterallyWhateverTheLimit() {
        // The library compiles a string pattern as a Java regex when a limit is given.
        assertThat(render("$replace('a.c.d', '.', '!', 1)").stringValue()).isEqualTo("a!c.d");
        assertThat(render("$replace('abc', 'b', 'bb', 2)").stringValue()).isEqualTo("abbc");
    }

    @Test
    void appliesARegexAsAFunction() {
        assertThat(render("($m := /b(c)?/('abcab'); [$m.match, $m.start, $m.end, $m.groups])").toString())
                .isEqualTo("[\"bc\",1,3,\"c\"]");
        assertThat(render("$map(['abc', 'xxb'], /b/).start").toString()).isEqualTo("[1,2]");
        assertThat(render("/b/('abc', 'xbx').start").toString()).isEqualTo("[1,1]");
        assertThat(render("/b/(123)")).isEqualTo(library("/b/(123)"));
        assertThat(render("$filter(['abc', 'xyz', 'b'], /b/)").toString()).isEqualTo("[\"abc\",\"b\"]");
    }

    @Test
    void filtersWithARegexInAPredicate() {
        assertThat(render("['Hat', 'cap', 'top hat'][$ ~> /hat/i]").toString()).isEqualTo("[\"Hat\",\"top hat\"]");
        assertThat(render("('abcb' ~> /b/).start").intValue()).isEqualTo(1);
        assertThat(render("($m := /b/('abcb'); $m.next().start)").intValue()).isEqualTo(3);
        assertThat(render("/x/('abc')").isNull()).isTrue();
    }

    @Test
    void acceptsUnicodeEscapesAndCaseFoldsUnicode() {
        assertThat(render("$replace('café', /\\u00e9/, 'e')").stringValue()).isEqualTo("cafe");
        assertThat(render("$contains('CAFÉ', /é/i)").booleanValue()).isTrue();
        assertThat(render("$match('x\\\\u0041', /\\\\u0041/).match").stringValue()).isEqualTo("\\u0041");
    }

    @Test
    void endsTextAtDollarAndNamesGroupsTheRe2Way() {
        // java.util.regex lets $ match before a final line break; JavaScript and RE2 do not.
        assertThat(render("$contains('abc\\n', /c$/)").booleanValue()).isFalse();
        assertThat(render("$contains('abc\\n', /c$/m)").booleanValue()).isTrue();
        assertThat(render("$match('ab', /(?<first>a)(?<second>b)/).groups").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void refusesABackreferenceWithAClearMessage() {
        assertThatThrownBy(() -> render("$match('abab', /(ab)\\1/)"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("/(ab)\\1/").hasMessageContaining("backreferences")
                .hasMessageContaining("linear time");
        assertThatThrownBy(() -> render("$replace('abc', /a(?=b)/, 'x')"))
                .hasMessageContaining("/a(?=b)/").hasMessageContaining("lookaround");
    }

    @Test
    void reportsAnUnsupportedRegexWhenTheTemplateIsChecked() {
        List<String> problems = TemplateSyntax.problems("Hello {{ $match($input.name, /(a)\\1/) }}");

        assertThat(problems).singleElement().asString()
                .contains("at character 7").contains("/(a)\\1/").contains("backreferences");
        assertThat(TemplateSyntax.problems("{{ $match($input.name, /(a)+/) }}")).isEmpty();
    }

    @Test
    void translatesAJavaPatternThatReachesAFunctionAtRunTime() {
        LinearRegex regex = LinearRegex.from(Pattern.compile("^B", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE));

        assertThat(regex.matcher("a\nb").find()).isTrue();
        assertThat(LinearRegex.from(Pattern.compile("^B", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE))).isSameAs(regex);
        assertThat(LinearRegex.from("^B")).isNull();
    }

    private JsonNode render(String expression) {
        return renderer.render("{{ " + expression + " }}", ExpressionScope.ofInput(WorkflowFormat.parseJson("{}"), NOW));
    }

    private static JsonNode library(String expression) {
        Object result = Jsonata.jsonata(expression).evaluate(null);
        if (result instanceof JException e) {
            throw e;
        }
        return JsonataValues.toJson(result, 1_000_000);
    }
}
