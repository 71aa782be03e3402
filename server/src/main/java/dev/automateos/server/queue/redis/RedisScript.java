package dev.automateos.server.queue.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script of the Redis work queue, run with EVALSHA so only its digest travels. A Redis that
 * restarted (or ran SCRIPT FLUSH) no longer knows the digest: the script is then sent whole once
 * with EVAL, which caches it again.
 */
final class RedisScript {

    private static final String[] NO_KEYS = new String[0];

    private final String name;
    private final String source;
    private final String sha;

    private RedisScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    /** The script {@code name.lua} next to this class. */
    static RedisScript load(String name) {
        try (InputStream in = RedisScript.class.getResourceAsStream(name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("Missing Lua script " + name + ".lua");
            }
            return new RedisScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the script with no declared keys: every key is derived from the prefix in the first
     * argument, which is why the queue needs a single Redis server rather than a cluster.
     */
    <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String... args) {
        try {
            return redis.evalsha(sha, type, NO_KEYS, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(source, type, NO_KEYS, args);
        }
    }

    @Override
    public String toString() {
        return name + ".lua";
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
