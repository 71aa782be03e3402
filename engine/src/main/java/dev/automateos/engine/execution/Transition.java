package dev.automateos.engine.execution;

import java.util.List;

/**
 * The outcome of one event: the new state and what to do about it, in order.
 *
 * @param changed false when the event did not apply (duplicate, stale, after the end): nothing to persist
 */
public record Transition(ExecutionState state, List<ExecutionCommand> commands, boolean changed) {

    public Transition {
        commands = List.copyOf(commands);
    }

    static Transition unchanged(ExecutionState state) {
        return new Transition(state, List.of(), false);
    }
}
