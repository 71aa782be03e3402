package dev.automateos.engine.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration the engine binds JSON with: snake_case property names and
 * unknown properties rejected, the same rules the server applies to request bodies.
 */
public final class EngineJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EngineJson() {}

    /** Shared, immutable and thread-safe. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
