package dev.automateos.engine.node;

import com.github.victools.jsonschema.generator.FieldScope;
import dev.automateos.engine.json.EngineJson;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds a config field's default by building the record with every component absent (null, or
 * zero for primitives): whatever the compact constructor fills in is the default. So defaults are
 * written once, in the record, and the schema's {@code default} cannot drift from the behaviour.
 */
final class ConfigDefaults {

    private static final Map<Class<?>, Optional<JsonNode>> EMPTY_INSTANCES = new ConcurrentHashMap<>();

    private ConfigDefaults() {}

    static Object of(FieldScope field) {
        Class<?> owner = field.getDeclaringType().getErasedType();
        if (!owner.isRecord() || field.getRawMember() == null) {
            return null;
        }
        return EMPTY_INSTANCES.computeIfAbsent(owner, ConfigDefaults::emptyInstance)
                .map(json -> json.get(ConfigSchemaGenerator.snakeCase(field.getDeclaredName())))
                .filter(value -> !value.isNull())
                .map(ConfigDefaults::withoutNulls)
                .orElse(null);
    }

    private static Optional<JsonNode> emptyInstance(Class<?> recordType) {
        try {
            RecordComponent[] components = recordType.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = absent(types[i]);
            }
            Constructor<?> canonical = recordType.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return Optional.of(EngineJson.mapper().valueToTree(canonical.newInstance(args)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A record whose constructor rejects absent values simply has no defaults to show.
            return Optional.empty();
        }
    }

    /** Absent optional fields are left out of a default, as a person would write it. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = EngineJson.mapper().createObjectNode();
            node.properties().stream().filter(e -> !e.getValue().isNull())
                    .forEach(e -> copy.set(e.getKey(), withoutNulls(e.getValue())));
            return copy;
        }
        return node;
    }

    private static Object absent(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0d;
        }
        if (type == float.class) {
            return 0.0f;
        }
        return type == int.class ? 0 : (type == short.class ? (short) 0 : (byte) 0);
    }
}
