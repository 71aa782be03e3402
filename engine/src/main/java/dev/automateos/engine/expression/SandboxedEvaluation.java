package dev.automateos.engine.expression;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Runs one parsed expression inside its bounds:
 * <ul>
 *   <li>a step budget ({@link EvaluationBudget}, checked on every evaluation step) stops deep
 *       recursion and long loops of small steps, with a clear message, after the same amount of
 *       work however busy the machine is;</li>
 *   <li>a hard deadline covers what those checks cannot see, such as one built-in function working
 *       on a huge range: unless the expression cannot call a function at all
 *       ({@link ParsedExpression#runsInline()}, which then runs on the caller's thread and saves a
 *       thread hand-off), the evaluation runs on a small pool of platform threads, and the caller
 *       stops waiting at the deadline and interrupts it. Platform, not virtual, threads: a runaway
 *       built-in never yields, and on a virtual thread it would hold a carrier that request
 *       handling needs. It keeps its pool thread until its current step ends (JSONata caps ranges
 *       at ten million items, so that is bounded too);</li>
 *   <li>the result is converted to JSON under a size budget;</li>
 *   <li>{@code $eval} is shadowed by a function that refuses, because it parses text at run time
 *       and can rebind the evaluator's internal callbacks (names starting with {@code $__}, which
 *       {@link TemplateSyntax} refuses in source);</li>
 *   <li>regular expressions match with RE2/J, in linear time: {@code $match}, {@code $contains},
 *       {@code $split} and {@code $replace} are shadowed the same way ({@link RegexFunctions}), and
 *       regex literals are RE2/J ones from the parse on ({@link RegexLiterals}). The JSONata
 *       library's {@code java.util.regex} backtracks, and a thread stuck in it cannot be stopped.</li>
 * </ul>
 * The scope holds only JSON converted to maps, lists and scalars, and no Java function is bound,
 * so an expression cannot reach a Java object, a class, a file or the network.
 */
final class SandboxedEvaluation {

    private static final Jsonata.JFunction EVAL_REFUSED = Jsonata.function("eval", (Jsonata.FnVarArgs<Object>) args -> {
        throw new JException("$eval is not available in AutomateOS expressions; write the expression directly.", -1);
    }, null);

    private static final int THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final ThreadPoolExecutor POOL = pool();
    private static final long QUEUE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    static {
        warmUp();
    }

    private SandboxedEvaluation() {}

    private static ThreadPoolExecutor pool() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "expression-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * The evaluator loads and links much of its code on first use, which on a cold JVM can take
     * longer than a whole evaluation may; doing it once here, unbounded, keeps the first user's
     * expression from failing its time limit.
     */
    private static void warmUp() {
        try {
            Jsonata warm = Jsonata.jsonata("($f := function($x) { $x * 2 }; $map([1, 2], $f) ~> $sum()"
                    + " & $string({'a': [true, null, 'b']}) & $substring('abc', 1) & $now())");
            warm.evaluate(Map.of("a", 1), warm.createFrame());
        } catch (RuntimeException e) {
            // Only a warm-up: a failure here shows up again, properly reported, on real use.
        }
    }

    static JsonNode evaluate(ParsedExpression parsed, ExpressionScope scope, ExpressionLimits limits) {
        Jsonata jsonata = parsed.jsonata();
        Jsonata.Frame frame = jsonata.createFrame();
        JsonNode input = scope.input();
        Object root = input == null || input.isNull() ? null : JsonataValues.toJava(input);
        for (String name : parsed.variables()) {
            // $input is the context item too: one converted copy serves both.
            frame.bind(name, name.equals("input") && root != null ? root : JsonataValues.toJava(scope.variable(name)));
        }
        frame.bind("eval", EVAL_REFUSED);
        RegexFunctions.bind(frame);
        EvaluationBudget.install(frame, limits);
        if (parsed.runsInline()) {
            return inline(jsonata, frame, root, limits);
        }
        AtomicLong startedAt = new AtomicLong();
        FutureTask<Object> task = new FutureTask<>(() -> {
            startedAt.set(System.nanoTime());
            return jsonata.evaluate(root, frame);
        });
        try {
            POOL.execute(task);
        } catch (RejectedExecutionException e) {
            throw new ExpressionException("too many expressions are being evaluated at once; try again shortly.", e);
        }
        Object result = await(task, startedAt, limits);
        return JsonataValues.toJson(result, limits.maxOutputChars());
    }

    /** An expression that cannot call a function ({@link ParsedExpression#runsInline()}): the step budget suffices. */
    private static JsonNode inline(Jsonata jsonata, Jsonata.Frame frame, Object root, ExpressionLimits limits) {
        Object result;
        try {
            result = jsonata.evaluate(root, frame);
        } catch (RuntimeException | StackOverflowError e) {
            throw translate(e, limits);
        }
        return JsonataValues.toJson(result, limits.maxOutputChars());
    }

    /**
     * Waits for the result: the time limit counts from the moment the evaluation starts, so time
     * spent waiting for a pool thread under load does not eat into it; that wait has its own bound.
     */
    private static Object await(FutureTask<Object> task, AtomicLong startedAt, ExpressionLimits limits) {
        long timeout = limits.timeout().toNanos();
        long queueDeadline = System.nanoTime() + Math.max(QUEUE_WAIT_NANOS, timeout);
        try {
            while (true) {
                long started = startedAt.get();
                long remaining = (started == 0 ? queueDeadline : started + timeout) - System.nanoTime();
                if (remaining <= 0) {
                    // Interrupts the pool thread; a step that ignores it runs on, but nobody waits for it.
                    task.cancel(true);
                    throw new ExpressionException(started == 0
                            ? "too many expressions are being evaluated at once; try again shortly." : tooLong(limits));
                }
                try {
                    return task.get(started == 0 ? Math.min(remaining, POLL_NANOS) : remaining, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Loop: either not started yet (poll again) or past the deadline (caught above).
                }
            }
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExpressionException("The evaluation was interrupted.", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), limits);
        }
    }

    private static RuntimeException translate(Throwable cause, ExpressionLimits limits) {
        if (cause instanceof StackOverflowError) {
            return new ExpressionException("it nests too deeply (more than the stack allows); "
                    + "check for a recursive function that never stops.", cause);
        }
        if (cause instanceof JException e && e.getMessage() != null) {
            if (EvaluationBudget.TOO_MANY_STEPS.equals(e.getError())) {
                return new ExpressionException("it needed more than " + limits.maxSteps() + " evaluation steps, the "
                        + "limit for one expression; check for a loop that never ends or work on very large data.", e);
            }
            if (EvaluationBudget.TOO_DEEP.equals(e.getError()) || e.getMessage().contains("Stack overflow error")) {
                return new ExpressionException("it nests deeper than " + limits.maxDepth()
                        + " levels; check for a recursive function that never stops.", e);
            }
        }
        if (cause instanceof RuntimeException e) {
            return e;
        }
        return new ExpressionException(String.valueOf(cause), cause);
    }

    private static String tooLong(ExpressionLimits limits) {
        return "it took longer than " + limits.timeout().toMillis() + " ms, the limit for one expression.";
    }
}
