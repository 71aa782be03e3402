package dev.automateos.server.execution;

import dev.automateos.engine.execution.ExecutionCommand.RunStep;
import dev.automateos.engine.execution.ExecutionEvent;
import dev.automateos.engine.execution.ExecutionEvent.StepFailed;
import dev.automateos.engine.execution.ExecutionPlan;
import dev.automateos.engine.execution.NodeServices;
import dev.automateos.engine.execution.StepRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Runs step attempts on virtual threads and enforces {@link RunStep#deadline()}: past it the
 * attempt is interrupted and reported as {@link StepFailed#timedOut}. An attempt already running
 * in this process is not started twice (a resume re-issues running steps).
 */
@Component
class StepExecutor implements AutoCloseable {

    private final StepRunner runner;
    private final Clock clock;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Future<ExecutionEvent>> running = new ConcurrentHashMap<>();

    StepExecutor(NodeServices services, Clock clock) {
        this.runner = new StepRunner(clock, services);
        this.clock = clock;
    }

    /** The event to feed back, or empty when the attempt runs elsewhere here or was interrupted by a cancel. */
    Optional<ExecutionEvent> run(ExecutionPlan plan, ExecutionRecord execution, RunStep command)
            throws InterruptedException {
        String key = execution.id() + "/" + command.stepId() + "/" + command.attempt();
        var future = new FutureTask<>(() -> runner.run(plan, execution.state(), command));
        if (running.putIfAbsent(key, future) != null) {
            return Optional.empty();
        }
        threads.execute(future);
        try {
            if (command.deadline() == null) {
                return Optional.of(future.get());
            }
            long millis = Math.max(0, Duration.between(clock.instant(), command.deadline()).toMillis());
            return Optional.of(future.get(millis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            return Optional.of(StepFailed.timedOut(command.stepId(), command.attempt()));
        } catch (CancellationException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            // StepRunner never throws for what a node does; this is an engine bug, kept as a failure.
            return Optional.of(new StepFailed(command.stepId(), command.attempt(), "node_error",
                    "The step runner failed: " + e.getCause(), false, List.of()));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } finally {
            running.remove(key, future);
        }
    }

    /**
     * Runs an attempt of a side-effect-free step on the caller's thread: such a step only computes
     * (every expression in it is bounded by the sandbox), so handing it to another thread would cost
     * more than the step. Its deadline is checked when it returns: past it, the result is dropped
     * and the attempt reported as timed out, which is the same as interrupting it, since the step
     * did nothing anyone else can see. Empty when the attempt runs elsewhere here or was cancelled.
     */
    Optional<ExecutionEvent> runHere(ExecutionPlan plan, ExecutionRecord execution, RunStep command) {
        String key = execution.id() + "/" + command.stepId() + "/" + command.attempt();
        var future = new FutureTask<>(() -> runner.run(plan, execution.state(), command));
        if (running.putIfAbsent(key, future) != null) {
            return Optional.empty();
        }
        try {
            future.run();
            if (future.isCancelled()) {
                Thread.interrupted(); // the cancel's interrupt was meant for the step, not this thread
                return Optional.empty();
            }
            ExecutionEvent result = future.get();
            if (command.deadline() != null && clock.instant().isAfter(command.deadline())) {
                return Optional.of(StepFailed.timedOut(command.stepId(), command.attempt()));
            }
            return Optional.of(result);
        } catch (CancellationException | InterruptedException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(new StepFailed(command.stepId(), command.attempt(), "node_error",
                    "The step runner failed: " + e.getCause(), false, List.of()));
        } finally {
            running.remove(key, future);
        }
    }

    /** Interrupts every attempt of an execution (it was cancelled or timed out). */
    void interruptAll(UUID executionId) {
        String prefix = executionId + "/";
        Set.copyOf(running.keySet()).stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> Optional.ofNullable(running.get(k)).ifPresent(f -> f.cancel(true)));
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
