package dev.automateos.server.support;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;

/** Clean-up for tests that share a Redis server: only ever by a prefix of their own, never FLUSHALL. */
public final class RedisKeys {

    private RedisKeys() {
    }

    /** Deletes every key that starts with {@code prefix}; answers how many. */
    public static long deleteAll(RedisCommands<String, String> redis, String prefix) {
        long deleted = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, KeyScanArgs.Builder.matches(prefix + "*").limit(500));
            List<String> keys = page.getKeys();
            if (!keys.isEmpty()) {
                deleted += redis.unlink(keys.toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
        return deleted;
    }
}
