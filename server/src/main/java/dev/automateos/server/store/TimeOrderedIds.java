package dev.automateos.server.store;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDs of version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows keyed by them
 * are inserted at the end of their index, so a commit touches the same few pages as the one before
 * instead of a random leaf per row, which is much of what an insert into a big table costs (in H2
 * every dirty page is rewritten at commit, in PostgreSQL it is a cold page read). They are
 * identifiers, not secrets: every read of what they name is checked against its owner.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next(Clock clock) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
