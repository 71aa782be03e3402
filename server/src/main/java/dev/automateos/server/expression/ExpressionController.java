package dev.automateos.server.expression;

import dev.automateos.engine.expression.ExpressionEvaluator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Tries a template against sample data, for the editor's live preview and the CLI. It writes
 * nothing and reaches nothing: the same sandbox and limits as a run, with no credentials.
 */
@RestController
@Tag(name = "Expressions")
class ExpressionController {

    /** {@code sample} is shaped like a run's variables: trigger, input, nodes, vars, execution, workflow. */
    record EvaluateRequest(@NotNull @Size(max = 20_000) String template, JsonNode sample) {
    }

    record EvaluateResponse(boolean ok, JsonNode value, Error error) {
        record Error(String message, int position) {
        }
    }

    private final ExpressionEvaluator evaluator = new ExpressionEvaluator();
    private final Clock clock;

    ExpressionController(Clock clock) {
        this.clock = clock;
    }

    @PostMapping("/api/v1/expressions/evaluate")
    @Operation(summary = "Evaluate a {{ }} template against sample data",
            description = "Answers 200 whether or not the template works: `ok` says which, and `error` gives the "
                    + "message and the 1-based position in the template.")
    EvaluateResponse evaluate(@Valid @RequestBody EvaluateRequest request) {
        var result = evaluator.evaluate(request.template(), request.sample(), clock.instant());
        return result.ok()
                ? new EvaluateResponse(true, result.value(), null)
                : new EvaluateResponse(false, null,
                        new EvaluateResponse.Error(result.error().message(), result.error().position()));
    }
}
