package dev.automateos.engine.node;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SPI of a node type. One final class per {@code (type, version)}, with a nested {@code Config}
 * record (its JSON Schema is generated from it) and a nested {@code Result} record, registered in
 * {@code META-INF/services/dev.automateos.engine.node.NodeType} and found by {@link NodeCatalog}.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #spec()} and {@link #configType()} are constant for the life of the instance.</li>
 *   <li>An instance is shared by every execution: it must be stateless and thread-safe, and needs a
 *       public no-argument constructor for {@link java.util.ServiceLoader}.</li>
 *   <li>{@link #execute} gets a config that already passed its schema, reaches the outside world
 *       only through the {@link NodeContext}, and signals failure by throwing. Its result is stored
 *       as JSON (snake_case), becoming {@code $input} of the next nodes and {@code $nodes.<name>}.</li>
 * </ul>
 *
 * @param <C> the config record
 * @param <R> the result; a record, or a {@code JsonNode} for nodes that pass data through
 */
public interface NodeType<C extends Record, R> {

    NodeSpec spec();

    /** The config record class; the source of the config's JSON Schema and of its binding. */
    Class<C> configType();

    /**
     * Rules a JSON Schema cannot say (a cron expression that parses, a time zone that exists, an end
     * after the start), checked when a workflow is validated: only for a config that passed its schema
     * and bound to its record. Each violation's pointer is relative to the config, like the schema's.
     * Must be cheap, pure and never throw; the default finds nothing.
     */
    default List<ConfigViolation> checkConfig(C config) {
        return List.of();
    }

    /** Runs one step. A trigger's {@code execute} turns the trigger payload ({@link NodeContext#input()}) into its output. */
    R execute(C config, NodeContext context);

    /**
     * The output the result leaves by; it must be one of {@link NodeSpec#outputs()}. Only node types
     * with several outputs override this.
     */
    default String outputFor(R result) {
        return spec().outputs().getFirst();
    }

    /**
     * Whether this result ends the branch here, successfully, without following any connection: the
     * step is recorded as "filtered". Only filtering node types override this.
     */
    default boolean filtered(R result) {
        return false;
    }

    /**
     * When this result suspends the step until a later time (a Wait node): the engine records the
     * result as the step's output, holds no thread, and passes it on by {@link #outputFor} at that
     * time. Empty (the default) means the step is finished. Only waiting node types override this.
     */
    default Optional<Instant> suspendUntil(R result) {
        return Optional.empty();
    }
}
