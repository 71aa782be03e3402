package dev.automateos.engine.queue;

import java.util.Locale;

/**
 * A priority lane of the {@link WorkQueue}. A claim takes every ready item of a higher lane
 * before any of a lower one. The wire name (lower case) is what stores persist.
 */
public enum Lane {
    CRITICAL, HIGH, MEDIUM, LOW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The lane with this wire name; unknown names are a programming or data error. */
    public static Lane of(String wireName) {
        for (Lane lane : values()) {
            if (lane.wireName().equals(wireName)) {
                return lane;
            }
        }
        throw new IllegalArgumentException("Unknown lane '" + wireName + "'; use critical, high, medium or low");
    }
}
