package dev.automateos.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.expression.TemplateSyntax.Expression;
import dev.automateos.engine.expression.TemplateSyntax.Text;
import org.junit.jupiter.api.Test;

class TemplateSyntaxTest {

    @Test
    void splitsTextAndExpressions() {
        assertThat(TemplateSyntax.parse("Hello {{ name }}, you owe {{ amount }}."))
                .containsExactly(new Text("Hello "), new Expression(" name ", 6), new Text(", you owe "),
                        new Expression(" amount ", 26), new Text("."));
    }

    @Test
    void findsTheClosingBracesAfterObjectConstructorsStringsAndComments() {
        assertThat(TemplateSyntax.parse("{{ {\"a\": {\"b\": \"}}\"}} }}"))
                .containsExactly(new Expression(" {\"a\": {\"b\": \"}}\"}} ", 0));
        assertThat(TemplateSyntax.parse("{{ 'it''s' /* }} */ }}x"))
                .containsExactly(new Expression(" 'it''s' /* }} */ ", 0), new Text("x"));
    }

    @Test
    void rejectsUnclosedStrayAndEmptyExpressions() {
        assertThatThrownBy(() -> TemplateSyntax.parse("Hi {{ name")).hasMessageContaining("'{{' at character 4 is not closed");
        assertThatThrownBy(() -> TemplateSyntax.parse("Hi }} there")).hasMessageContaining("'}}' at character 4");
        assertThatThrownBy(() -> TemplateSyntax.parse("{{   }}")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> TemplateSyntax.parse("{{ \"open }}")).hasMessageContaining("unterminated string");
    }

    @Test
    void reportsEveryExpressionThatDoesNotParse() {
        assertThat(TemplateSyntax.problems("{{ a + }} and {{ b }} and {{ ( }}"))
                .hasSize(2)
                .allSatisfy(problem -> assertThat(problem).contains("does not parse"));
        assertThat(TemplateSyntax.problems("{{ $trigger.body.title }} {{ $count([1,2]) > 1 ? 'a' : 'b' }}")).isEmpty();
    }

    @Test
    void treatsStringsWithoutBracesAsPlainText() {
        assertThat(TemplateSyntax.isTemplate("just { text }")).isFalse();
        assertThat(TemplateSyntax.problems("just { text }")).isEmpty();
    }
}
