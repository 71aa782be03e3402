package dev.automateos.engine.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A durable queue of work with <b>competing consumers</b>: each item goes to one worker at a
 * time under a lease, the worker acks it when done, and an item whose lease runs out goes to a
 * worker again (redelivery). This is not an event bus: nothing is broadcast, and an item that
 * no one acks is never dropped. Every implementation passes {@code WorkQueueContract} in the
 * testkit, and implements every method.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Time.</b> Every "now" comes from the {@link java.time.Clock} the implementation was
 *       built with. An item is <i>ready</i> when its {@code availableAt} is at or before now and
 *       it is not under a live lease. A lease is live while now is before its expiry.</li>
 *   <li><b>Enqueue</b> is idempotent by {@link WorkItem#id()}: while an item with that id is in
 *       the queue (waiting or leased), enqueueing it again changes nothing and answers
 *       {@code false}. Only enqueue after the Store has committed what the item points at.</li>
 *   <li><b>Claim</b> leases up to {@code max} ready items to one worker, in this order: lane
 *       ({@link Lane#CRITICAL} first), then {@code availableAt}, then enqueue order. An item
 *       whose workflow already has {@link WorkItem#maxConcurrency()} (when above 0) items under
 *       live leases is skipped, counting the leases of this claim too, and the items behind it
 *       still go out. Two claims, from any threads or processes, never
 *       lease the same item at once. Each claim counts one delivery.</li>
 *   <li><b>Holder.</b> The worker named on an item's most recent lease holds it until the item
 *       is acked, released, or claimed by a worker again. A holder whose lease ran out but whose
 *       item nobody claimed yet still holds it: its ack is as good as a late one.</li>
 *   <li><b>Heartbeat, ack, release</b> act only for the holder and answer what they did: a
 *       worker that lost an item to another answers {@code false} (or leaves it out of the
 *       heartbeat's result) and must stop working on it.</li>
 *   <li><b>Durability.</b> Once a method returns, its effect survives a crash of the process
 *       (for durable implementations; the in-memory one is for tests).</li>
 * </ul>
 */
public interface WorkQueue {

    /** The longest lease or heartbeat extension a claim may ask for. */
    Duration MAX_LEASE = Duration.ofHours(1);

    /**
     * Adds an item unless one with the same id is already queued.
     *
     * @return {@code true} if the item was added, {@code false} if that id was already queued
     */
    boolean enqueue(WorkItem item);

    /**
     * Leases up to {@code max} ready items to {@code workerId} for {@code leaseDuration}, in
     * priority order (see the class contract). Answers at once, possibly with an empty list; it
     * never waits for work to arrive.
     *
     * @param max           1 to 1000
     * @param leaseDuration positive, at most {@link #MAX_LEASE}
     */
    List<ClaimedItem> claim(String workerId, int max, Duration leaseDuration);

    /**
     * Extends the leases {@code workerId} holds on {@code itemIds} to now plus
     * {@code leaseDuration}.
     *
     * @return the ids whose lease was extended; an id missing from the answer is acked, released,
     *         or held by another worker now
     */
    Set<UUID> heartbeat(String workerId, Collection<UUID> itemIds, Duration leaseDuration);

    /**
     * Removes an item its holder has finished.
     *
     * @return {@code false} if {@code workerId} does not hold the item (any more); nothing changes
     */
    boolean ack(String workerId, UUID itemId);

    /**
     * Gives an item back unfinished, to be ready again at {@code availableAt}: on graceful
     * shutdown ({@code availableAt} = now), or to retry later. Its delivery count stays.
     *
     * @return {@code false} if {@code workerId} does not hold the item (any more); nothing changes
     */
    boolean release(String workerId, UUID itemId, Instant availableAt);

    /** Items per lane right now; every lane is present, empty ones with zeros. */
    Map<Lane, LaneDepth> depth();

    /**
     * How long the longest-waiting ready item has been ready (now minus its {@code availableAt},
     * or its lease expiry), or {@link Duration#ZERO} when nothing is ready.
     */
    Duration oldestWaiting();
}
