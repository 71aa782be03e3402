package dev.automateos.server.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token buckets by key (an account or an IP address), in this process's memory: {@code perMinute}
 * attempts, refilled evenly over a minute. At most {@code maxKeys} buckets are kept; beyond that
 * the least recently used one is dropped, so a flood of made-up keys cannot grow memory. A
 * dropped bucket starts full again, which only matters for keys idle while the flood ran.
 */
final class RateLimiter {

    private final int perMinute;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets;

    RateLimiter(int perMinute, int maxKeys, TimeMeter time) {
        this.perMinute = perMinute;
        this.time = time;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one attempt for {@code key}; when none is left, says how long until the next one. */
    Optional<Duration> tryAcquire(String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> newBucket());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build();
    }
}
