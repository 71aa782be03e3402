package dev.automateos.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.workflow.WorkflowFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The bounds and the sandbox: what an expression must not be able to do. */
class ExpressionSandboxTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void cutsOffInfiniteRecursionQuicklyWithADepthMessage() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> render("{{ ($f := function($n) { 1 + $f($n + 1) }; $f(0)) }}"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("$f(0)").hasMessageContaining("nests deeper than 200");
        // Unbounded, it would never end; the bound is loose so a busy build machine cannot fail it.
        assertThat(elapsedMillis(start)).isLessThan(10_000);
    }

    @Test
    void cutsOffAnEndlessTailCallLoopAtTheStepBudget() {
        // The wall-clock stop is far away here: only the step budget can end this loop.
        var counted = new TemplateRenderer(new ExpressionLimits(Duration.ofSeconds(60), 200, 1_000_000, 20_000));

        // JSONata runs tail calls as a loop, so this one never grows deep: only the budget stops it.
        assertThatThrownBy(() -> counted.render("{{ ($f := function($n) { $f($n + 1) }; $f(0)) }}", scope()))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("more than 20000 evaluation steps");
    }

    @Test
    void theStepBudgetStopsTheSameWorkWhateverTheClockSays() {
        var counted = new TemplateRenderer(new ExpressionLimits(Duration.ofSeconds(60), 200, 1_000_000, 5_000));
        String justUnder = "{{ $sum([1..400].($ * 2)) }}";
        String over = "{{ $sum([1..4000].($ * 2)) }}";

        // Deterministic: the same expression passes or fails on every run, on an idle or a starved machine.
        for (int i = 0; i < 3; i++) {
            assertThat(counted.render(justUnder, scope()).intValue()).isEqualTo(160_400);
            assertThatThrownBy(() -> counted.render(over, scope())).hasMessageContaining("evaluation steps");
        }
    }

    @Test
    void allowsReasonableRecursion() {
        assertThat(render("{{ ($f := function($n) { $n <= 0 ? 0 : 1 + $f($n - 1) }; $f(20)) }}").intValue())
                .isEqualTo(20);
    }

    @Test
    void cutsOffAHugeComputationWithTheDefaults() {
        long start = System.nanoTime();

        // Building the range is one step; walking it trips the step budget or, if that is slower, the hard stop.
        assertThatThrownBy(() -> render("{{ $sum([1..10000000].($ * 2)) }}"))
                .isInstanceOf(ExpressionException.class).hasMessageMatching("(?s).*(evaluation steps|longer than 1000 ms).*");
        assertThat(elapsedMillis(start)).isLessThan(5_000);
    }

    @Test
    void cutsOffOneBuiltInWorkingOnAHugeRangeAtTheHardDeadline() {
        var strict = new TemplateRenderer(new ExpressionLimits(Duration.ofMillis(20), 200, 1_000_000));

        // The message is the proof that the deadline, not the end of the work, stopped it; how soon the
        // caller hears of it depends on the machine's load, so it is not timed here.
        assertThatThrownBy(() -> strict.render("{{ $sum([1..10000000]) }}", scope()))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("longer than 20 ms");
    }

    @Test
    void refusesAResultLargerThanTheOutputLimit() {
        var small = new TemplateRenderer(new ExpressionLimits(Duration.ofMillis(500), 200, 1_000));

        assertThatThrownBy(() -> small.render("{{ [1..500] }}", scope()))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("larger than 1000 characters");
        assertThatThrownBy(() -> small.render("{{ $pad('', 2000, 'x') }}", scope()))
                .hasMessageContaining("larger than 1000 characters");
        assertThatThrownBy(() -> small.render("x{{ $pad('', 600, 'x') }}{{ $pad('', 600, 'y') }}", scope()))
                .hasMessageContaining("longer than 1000 characters");
    }

    @Test
    void refusesEvalSoTextCannotBeRunAsAnExpression() {
        assertThatThrownBy(() -> render("{{ $eval('1 + 1') }}"))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("$eval is not available");
        assertThatThrownBy(() -> render("{{ $eval('$__evaluate_entry := ()') }}"))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> render("{{ $eval('$_' & '_evaluate_entry := ()') }}"))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("$eval is not available");
    }

    @Test
    void refusesToRebindTheEvaluatorsGuards() {
        assertThatThrownBy(() -> render("{{ ($__evaluate_entry := (); $f := function($n) { $f($n + 1) }; $f(0)) }}"))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("reserved");
    }

    @Test
    void functionsDefinedInAnExpressionStayInsideIt() {
        assertThatThrownBy(() -> render("{{ function($x) { $x } }}")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> render("{{ $string }}")).hasMessageContaining("not JSON");
        // A function bound in one evaluation is not there in the next.
        assertThat(render("{{ ($g := function() { 42 }; $g()) }}").intValue()).isEqualTo(42);
        assertThatThrownBy(() -> render("{{ $g() }}")).isInstanceOf(ExpressionException.class);
    }

    @Test
    void seesNoJavaObjectsClassesOrEnvironment() {
        for (String probe : List.of("{{ $input.getClass }}", "{{ $input.class }}", "{{ $lookup($input, 'class') }}",
                "{{ $env }}", "{{ $java }}", "{{ $system }}", "{{ $input.`java.lang.System` }}")) {
            assertThat(render(probe).isNull()).as(probe).isTrue();
        }
        assertThat(render("{{ $keys($) }}").stringValue()).isEqualTo("id");
        assertThatThrownBy(() -> render("{{ $getClass() }}")).isInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> render("{{ $forName('java.lang.Runtime') }}")).isInstanceOf(ExpressionException.class);
    }

    @Test
    void reusesParsedExpressions() {
        String source = " $input.id + 1000 /* cache probe */ ";
        render("{{" + source + "}}");
        assertThat(CompiledExpressions.contains(source)).isTrue();
        assertThat(render("{{" + source + "}}").intValue()).isEqualTo(1007);
        assertThat(CompiledExpressions.size()).isLessThanOrEqualTo(CompiledExpressions.CAPACITY);
    }

    @Test
    void evaluatesOneCachedExpressionConcurrentlyWithEachCallersData() throws Exception {
        String template = "{{ $map([1, 2, 3], function($x) { $x * $input.id }) ~> $sum() }}";
        // Generous limits: this is about correctness under concurrency, not about the bounds.
        var patient = new TemplateRenderer(new ExpressionLimits(Duration.ofSeconds(10), 200, 1_000_000));
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int id = i;
            calls.add(() -> patient.render(template, scopeWithId(id)).intValue() == 6 * id);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> result : pool.invokeAll(calls)) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    private JsonNode render(String template) {
        return renderer.render(template, scope());
    }

    private static ExpressionScope scope() {
        return scopeWithId(7);
    }

    private static ExpressionScope scopeWithId(int id) {
        JsonNode input = WorkflowFormat.parseJson("{\"id\": " + id + "}");
        return ExpressionScope.ofInput(input, NOW);
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
