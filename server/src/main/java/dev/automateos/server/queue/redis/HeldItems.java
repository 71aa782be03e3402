package dev.automateos.server.queue.redis;

import dev.automateos.engine.queue.ClaimedItem;
import dev.automateos.engine.queue.WorkQueue;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the workers of this process hold, as this process last saw it in Redis: enough to put a
 * lease back if Redis loses it (restarted empty) while the worker is still at work, so the
 * reconciler finds the item and does not resume the execution a second time beside it. The
 * {@code epoch} is a random token that lives in Redis ({@code <prefix>epoch}): a Redis that no
 * longer has the token seen at the last claim or heartbeat has lost its data since, which tells a
 * lost item from one that was acked.
 */
final class HeldItems {

    /** One held item: the claim, when its lease ends, and the epoch it was last seen in. */
    record Held(ClaimedItem claimed, Instant leaseEnd, String epoch) {
    }

    private final Map<UUID, Held> held = new ConcurrentHashMap<>();

    void claimed(ClaimedItem claimed, String epoch) {
        held.put(claimed.item().id(), new Held(claimed, claimed.leaseExpiresAt(), epoch));
    }

    /** The item if {@code workerId} is the one this process saw claim it last. */
    Held of(String workerId, UUID itemId) {
        Held entry = held.get(itemId);
        return entry != null && entry.claimed().workerId().equals(workerId) ? entry : null;
    }

    void extended(UUID itemId, Instant leaseEnd, String epoch) {
        held.computeIfPresent(itemId, (id, entry) -> new Held(entry.claimed(), leaseEnd, epoch));
    }

    /** Acked, released, or held by another worker now: nothing to put back any more. */
    void gone(String workerId, UUID itemId) {
        held.computeIfPresent(itemId, (id, entry) -> entry.claimed().workerId().equals(workerId) ? null : entry);
    }

    /** Forgets items whose lease ended long ago without a heartbeat: their worker gave them up. */
    void forgetAbandoned(Instant now) {
        Instant horizon = now.minus(WorkQueue.MAX_LEASE);
        held.values().removeIf(entry -> entry.leaseEnd().isBefore(horizon));
    }

    int size() {
        return held.size();
    }
}
