package dev.automateos.engine.execution;

import static dev.automateos.engine.execution.MachineHarness.EXECUTION;
import static dev.automateos.engine.execution.MachineHarness.T0;
import static dev.automateos.engine.execution.MachineHarness.WORKFLOW;
import static dev.automateos.engine.execution.MachineHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionEvent.StepFailed;
import dev.automateos.engine.execution.ExecutionEvent.StepSucceeded;
import dev.automateos.engine.execution.ExecutionEvent.StepSuspended;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StepRunnerTest {

    private static final Instant STEP_TIME = T0.plusSeconds(5);
    private final StepRunner runner = new StepRunner(Clock.fixed(STEP_TIME, ZoneOffset.UTC), NodeServices.none());

    @Test
    void rendersAgainstTriggerInputEarlierNodesExecutionWorkflowVarsAndNow() {
        var plan = new TestWorkflow().act("first").act("second", "{\"value\": \"{{ {'trigger': $trigger.n, 'input': $input.v, "
                        + "'first': $nodes.`N first`.v, 'start': $nodes.Start.n, 'execution': $execution, "
                        + "'workflow': $workflow, 'owner': $vars.owner, 'now': $now, 'bare': v} }}\"}").connect("trigger", "first").connect("first", "second").vars("{\"owner\": \"ada\"}").plan();
        var h = new MachineHarness(plan).start();
        h.succeed();
        h.succeed(h.run(), json("{\"v\": 7}"), "main");

        var event = (StepSucceeded) runner.run(plan, h.state, h.run());

        // Compared as text: JSONata gives long numbers where parsed JSON has ints, and Jackson's nodes tell them apart.
        assertThat(event.output().toString()).isEqualTo(json("""
                {"trigger": 1, "input": 7, "first": 7, "start": 1,
                 "execution": {"id": "%s", "started_at": "2026-03-01T10:00:00Z", "attempt": 1},
                 "workflow": {"id": "%s", "name": "Test flow", "version": 3}, "owner": "ada",
                 "now": "2026-03-01T10:00:05Z", "bare": 7}
                """.formatted(EXECUTION, WORKFLOW)).toString());
        assertThat(event.stepId()).isEqualTo("second");
        assertThat(event.attempt()).isEqualTo(1);
        assertThat(event.outputName()).isEqualTo("main");
        assertThat(event.filtered()).isFalse();
    }

    @Test
    void runsTheTriggerOnThePayload() {
        var plan = new TestWorkflow().plan();
        var h = new MachineHarness(plan).start();

        var event = (StepSucceeded) runner.run(plan, h.state, h.run());

        assertThat(event.output()).isEqualTo(json("{\"n\": 1}"));
    }

    @Test
    void reportsTheOutputAFilterAndASuspension() {
        var plan = new TestWorkflow().node("branch", "test.branch", "{\"condition\": \"{{ $input.n > 5 }}\"}")
                .node("filter", "test.filter", "{\"keep\": \"{{ false }}\"}")
                .node("pause", "test.pause", "{\"seconds\": 30}").plan();
        var state = new MachineHarness(plan).start().state;

        var branch = (StepSucceeded) runner.run(plan, state, command("branch", "{\"n\": 1}"));
        var filter = (StepSucceeded) runner.run(plan, state, command("filter", "{\"n\": 1}"));
        var pause = (StepSuspended) runner.run(plan, state, command("pause", "{\"n\": 1}"));

        assertThat(branch.outputName()).isEqualTo("no");
        assertThat(branch.output()).isEqualTo(json("{\"n\": 1}"));
        assertThat(filter.filtered()).isTrue();
        assertThat(pause.resumeAt()).isEqualTo(STEP_TIME.plusSeconds(30));
        assertThat(pause.output()).isEqualTo(json("{\"n\": 1}"));
    }

    @Test
    void givesNodesTheIdempotencyKeyAndKeepsTheirLog() {
        var plan = new TestWorkflow().act("key", "{\"fail\": \"key\", \"log\": \"hello\"}").plan();
        var state = new MachineHarness(plan).start().state;

        var event = (StepSucceeded) runner.run(plan, state, command("key", "null"));

        assertThat(event.output().asString()).isEqualTo(EXECUTION + ":key");
        assertThat(event.log()).containsExactly("hello");
    }

    @Test
    void failsAnExpressionErrorForGoodNamingTheNodeAndTheExpression() {
        var failed = failure("{\"value\": \"{{ $number('abc') }}\", \"log\": \"before\"}");

        assertThat(failed.code()).isEqualTo("expression_failed");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).startsWith("Node 'N x' (x, test.act@1): ").contains("$number('abc')");
        assertThat(failed.log()).containsExactly("before");
    }

    @Test
    void failsAWrongTypedTemplateResultForGood() {
        var plan = new TestWorkflow().node("x", "test.branch", "{\"condition\": \"{{ 'yes' }}\"}").plan();

        var failed = (StepFailed) runner.run(plan, new MachineHarness(plan).start().state, command("x", "{}"));

        assertThat(failed.code()).isEqualTo("expression_failed");
        assertThat(failed.message()).contains("true or false");
    }

    @Test
    void retriesInputOutputTroubleButNotRefusedAddressesOrMissingCredentials() {
        assertThat(failure("{\"fail\": \"io\"}")).extracting(StepFailed::code, StepFailed::retryable)
                .containsExactly("io_error", true);
        assertThat(failure("{\"fail\": \"io\"}").message()).contains("connection reset");
        assertThat(failure("{\"fail\": \"refused\"}")).extracting(StepFailed::code, StepFailed::retryable)
                .containsExactly("outbound_refused", false);
        assertThat(failure("{\"fail\": \"credential\"}")).extracting(StepFailed::code, StepFailed::retryable)
                .containsExactly("credential_unavailable", false);
    }

    @Test
    void keepsTheCodeAndRetryDecisionOfAFailureTheNodeClassifiedItself() {
        assertThat(failure("{\"fail\": \"rate_limited\"}")).extracting(StepFailed::code, StepFailed::retryable)
                .containsExactly("rate_limited", true);
        assertThat(failure("{\"fail\": \"rejected\"}")).extracting(StepFailed::code, StepFailed::retryable)
                .containsExactly("rejected", false);
        assertThat(failure("{\"fail\": \"rejected\"}").message()).contains("the remote API refused the record");
    }

    @Test
    void turnsAnyOtherThrowableANodeCanCauseIntoAFailure() {
        assertThat(failure("{\"fail\": \"boom\"}")).extracting(StepFailed::code, StepFailed::retryable,
                StepFailed::message).containsExactly("node_error", false, "Node 'N x' (x, test.act@1) failed: boom");
        assertThat(failure("{\"fail\": \"overflow\"}")).extracting(StepFailed::code, StepFailed::message)
                .containsExactly("node_error", "Node 'N x' (x, test.act@1) failed: StackOverflowError");
    }

    @Test
    void failsAStepWhoseNodeIsNotInThePlan() {
        var plan = new TestWorkflow().plan();

        var failed = (StepFailed) runner.run(plan, new MachineHarness(plan).start().state, command("ghost", "{}"));

        assertThat(failed.code()).isEqualTo("unknown_node");
        assertThat(failed.retryable()).isFalse();
    }

    private StepFailed failure(String config) {
        var plan = new TestWorkflow().act("x", config).plan();
        var state = new MachineHarness(plan).start().state;
        return (StepFailed) runner.run(plan, state, command("x", "{}"));
    }

    private static RunStep command(String nodeId, String input) {
        return new RunStep(nodeId, nodeId, 1, json(input), EXECUTION + ":" + nodeId, null);
    }
}
