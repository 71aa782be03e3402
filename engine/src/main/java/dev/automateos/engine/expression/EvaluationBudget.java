package dev.automateos.engine.expression;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;

/**
 * Counts one evaluation's steps and nesting through the evaluator's entry and exit callbacks, and
 * stops it past {@link ExpressionLimits#maxSteps()} or {@link ExpressionLimits#maxDepth()}. A step
 * budget rather than a clock, because it measures the work itself: an expression is stopped after
 * the same amount of work on an idle machine and on one starved of CPU, so a busy server never
 * fails a cheap expression for being slow to get a core. (JSONata's own bound is wall-clock.)
 */
final class EvaluationBudget {

    static final String TOO_MANY_STEPS = "AutomateOS: too many evaluation steps";
    static final String TOO_DEEP = "AutomateOS: nested too deeply";

    private final long maxSteps;
    private final int maxDepth;
    private long steps;
    private int depth;

    private EvaluationBudget(ExpressionLimits limits) {
        this.maxSteps = limits.maxSteps();
        this.maxDepth = limits.maxDepth();
    }

    /** Installs a fresh budget on the frame of one evaluation. */
    static void install(Jsonata.Frame frame, ExpressionLimits limits) {
        EvaluationBudget budget = new EvaluationBudget(limits);
        frame.setEvaluateEntryCallback((expression, input, environment) -> {
            if (!environment.isParallelCall) {
                budget.enter();
            }
        });
        frame.setEvaluateExitCallback((expression, input, environment, result) -> {
            if (!environment.isParallelCall) {
                budget.depth--;
            }
        });
    }

    private void enter() {
        depth++;
        if (++steps > maxSteps) {
            throw new JException(TOO_MANY_STEPS, -1);
        }
        if (depth > maxDepth) {
            throw new JException(TOO_DEEP, -1);
        }
    }
}
