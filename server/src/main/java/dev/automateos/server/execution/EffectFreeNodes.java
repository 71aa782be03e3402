package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionPlan;
import java.util.Set;

/**
 * The node types (type@version) whose steps touch nothing outside the execution: they use no
 * {@code NodeContext.http()} and no {@code NodeContext.credential()}, and only compute their output
 * from their input and config. Such a step gives the same result when it is re-run, so the driver
 * may run several of them in a row in memory and commit their results together with the next
 * commit (docs/engine.md, "The server's runner"). Every other node type, and any type not listed
 * here (a new one included), is treated as touching the outside world: its step starts only after
 * everything before it is committed, and its result is committed before the next step starts.
 *
 * <p>An explicit list rather than a guess: adding a type here is a claim about its code, checked in
 * review. {@code core.wait} is left out on purpose: it schedules a timer, which is committed anyway.
 */
final class EffectFreeNodes {

    static final Set<String> TYPES = Set.of(
            "trigger.webhook@1", "trigger.manual@1", "trigger.schedule@1",
            "flow.filter@1", "flow.if@1", "flow.if@2", "flow.switch@1",
            "transform.set@1", "webhook.respond@1", "core.noop@1", "core.stop_error@1");

    private EffectFreeNodes() {
    }

    /** Whether every node of the plan, the trigger included, is side-effect-free. */
    static boolean allEffectFree(ExecutionPlan plan) {
        return plan.nodes().stream().allMatch(n -> TYPES.contains(n.type() + "@" + n.version()));
    }

    /** Whether the node's steps may be batched; false for an unknown node. */
    static boolean isEffectFree(ExecutionPlan plan, String nodeId) {
        return plan.node(nodeId).map(n -> TYPES.contains(n.type() + "@" + n.version())).orElse(false);
    }
}
