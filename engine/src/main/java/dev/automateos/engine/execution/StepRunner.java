package dev.automateos.engine.execution;

import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionEvent.StepSucceeded;
import dev.automateos.engine.execution.ExecutionEvent.StepSuspended;
import dev.automateos.engine.execution.ExecutionPlan.PlanNode;
import dev.automateos.engine.expression.ExpressionScope;
import dev.automateos.engine.expression.TemplateRenderer;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.node.NodeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one attempt of one step, synchronously on the caller's thread: builds the node's context
 * ({@code $trigger}, {@code $input}, {@code $nodes}, {@code $execution}, {@code $workflow},
 * {@code $vars}, {@code $now}), binds the config record (templates stay unrendered until the node
 * renders them), calls {@link NodeType#execute}, and returns the event to feed to
 * {@link ExecutionMachine#decide}: {@code StepSucceeded}, {@code StepSuspended} or {@code StepFailed}.
 *
 * <p>Never throws for anything a node does ({@link Exception}s and stack overflows become failures).
 * It does not enforce {@link RunStep#deadline()}: that needs a thread, so the runner does it.
 * Thread-safe: one instance serves every execution.
 */
public final class StepRunner {

    private final Clock clock;
    private final NodeServices services;
    private final TemplateRenderer renderer = new TemplateRenderer();

    public StepRunner(Clock clock, NodeServices services) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.services = Objects.requireNonNull(services, "services");
    }

    public ExecutionEvent run(ExecutionPlan plan, ExecutionState state, RunStep command) {
        PlanNode node = plan.node(command.nodeId()).orElse(null);
        if (node == null) {
            return StepFailures.failed(command, List.of(), "unknown_node", "This workflow version has no node '"
                    + command.nodeId() + "'.", false);
        }
        StepContext context = null;
        try {
            context = new StepContext(scope(plan, state, command, clock.instant()), renderer, clock, services,
                    state.workflowId(), command.idempotencyKey());
            return execute(node, node.nodeType(), context, command);
        } catch (Exception | StackOverflowError e) {
            return StepFailures.classify(e, node, command, context == null ? List.of() : context.logged());
        }
    }

    private <C extends Record, R> ExecutionEvent execute(PlanNode node, NodeType<C, R> type, StepContext context,
                                                         RunStep command) {
        C config = node.binding().config(type.configType());
        if (config == null) {
            return StepFailures.failed(command, context.logged(), "invalid_config", "Node '" + node.name()
                    + "': its config does not fit " + node.type() + "@" + node.version() + ": "
                    + node.binding().problem(), false);
        }
        R result = type.execute(config, context);
        JsonNode output = result == null ? NullNode.getInstance() : EngineJson.mapper().valueToTree(result);
        String outputName = type.outputFor(result);
        if (!type.spec().outputs().contains(outputName)) {
            return StepFailures.failed(command, context.logged(), "invalid_output", "Node '" + node.name()
                    + "' chose output '" + outputName + "', which " + node.type() + " does not declare.", false);
        }
        Optional<Instant> until = type.suspendUntil(result);
        if (until.isPresent()) {
            return new StepSuspended(command.stepId(), command.attempt(), output, outputName, until.get(),
                    context.logged());
        }
        return new StepSucceeded(command.stepId(), command.attempt(), output, outputName, type.filtered(result),
                context.logged());
    }

    /** What expressions see. {@code $nodes} holds finished steps by node name; a later run of a node wins. */
    static ExpressionScope scope(ExecutionPlan plan, ExecutionState state, RunStep command, Instant now) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode nodes = json.objectNode();
        JsonNode trigger = state.triggerPayload();
        for (Step step : state.steps()) {
            if (step.status().hasFinalOutput()) {
                plan.node(step.nodeId()).ifPresent(n -> nodes.set(n.name(), step.output()));
                if (step.nodeId().equals(plan.trigger().id())) {
                    trigger = step.output();
                }
            }
        }
        ObjectNode execution = json.objectNode().put("id", state.id().toString())
                .put("started_at", state.startedAt() == null ? null : state.startedAt().toString())
                .put("attempt", command.attempt());
        ObjectNode workflow = json.objectNode()
                .put("id", state.workflowId() == null ? null : state.workflowId().toString())
                .put("name", plan.name()).put("version", state.workflowVersion());
        return new ExpressionScope(trigger, command.input(), nodes, plan.vars(), execution, workflow, now);
    }
}
