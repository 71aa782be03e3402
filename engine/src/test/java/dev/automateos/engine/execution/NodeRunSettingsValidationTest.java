package dev.automateos.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.workflow.ValidationProblem;
import dev.automateos.engine.workflow.WorkflowValidator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional {@code retry} and {@code timeout_ms} of a node entry, as the validator and the plan read them. */
class NodeRunSettingsValidationTest {

    private final WorkflowValidator validator = new WorkflowValidator(ExecutionTestNodes.catalog());

    @Test
    void acceptsARetryPolicyAndATimeoutAndThePlanUsesThem() {
        var workflow = new TestWorkflow().act("call").connect("trigger", "call")
                .with("call", "retry", "{\"max_attempts\": 5, \"initial_delay_ms\": 250, \"max_delay_ms\": 10000, "
                        + "\"multiplier\": 1.5}")
                .with("call", "timeout_ms", "30000");

        assertThat(validator.validate(workflow.document())).isEmpty();
        var node = workflow.plan().node("call").orElseThrow();
        assertThat(node.retry()).isEqualTo(new RetryPolicy(5, Duration.ofMillis(250), 1.5, Duration.ofSeconds(10)));
        assertThat(node.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void reportsEveryBadRetryOrTimeoutValueWithItsPath() {
        var workflow = new TestWorkflow().act("call").connect("trigger", "call")
                .with("call", "retry", "{\"max_attempts\": 0, \"initial_delay_ms\": \"soon\", \"multiplier\": 0.5, "
                        + "\"jitter\": true}")
                .with("call", "timeout_ms", "0");

        List<ValidationProblem> problems = validator.validate(workflow.document());

        assertThat(problems).extracting(ValidationProblem::path, ValidationProblem::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/nodes/0/timeout_ms", "invalid_value"),
                org.assertj.core.groups.Tuple.tuple("/nodes/0/retry/jitter", "unknown_field"),
                org.assertj.core.groups.Tuple.tuple("/nodes/0/retry/max_attempts", "invalid_value"),
                org.assertj.core.groups.Tuple.tuple("/nodes/0/retry/initial_delay_ms", "wrong_type"),
                org.assertj.core.groups.Tuple.tuple("/nodes/0/retry/multiplier", "invalid_value"));
    }

    @Test
    void refusesARetryThatIsNotAnObject() {
        var workflow = new TestWorkflow().act("call").with("call", "retry", "3");

        assertThat(validator.validate(workflow.document())).extracting(ValidationProblem::path, ValidationProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/nodes/0/retry", "wrong_type"));
    }
}
