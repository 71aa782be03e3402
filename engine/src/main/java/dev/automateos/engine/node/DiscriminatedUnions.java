package dev.automateos.engine.node;

import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the {@code anyOf} that victools writes for a sealed interface with Jackson type names
 * ({@code @JsonTypeInfo} + {@code @JsonSubTypes}) into a {@code oneOf}: the alternatives differ by a
 * {@code const} discriminator, so exactly one can match, and forms (RJSF) render {@code oneOf} as
 * a picker. The member's title, description and default, which victools copies into every
 * alternative, move up to the member; each alternative is titled by its discriminator value.
 */
final class DiscriminatedUnions {

    private DiscriminatedUnions() {}

    static void toOneOf(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode anyOf = object.get("anyOf");
            if (anyOf != null && anyOf.isArray() && isDiscriminated((ArrayNode) anyOf)) {
                rewrite(object, (ArrayNode) anyOf);
            }
            object.properties().forEach((Map.Entry<String, JsonNode> e) -> toOneOf(e.getValue()));
        } else if (node.isArray()) {
            node.values().forEach(DiscriminatedUnions::toOneOf);
        }
    }

    private static boolean isDiscriminated(ArrayNode alternatives) {
        if (alternatives.isEmpty()) {
            return false;
        }
        for (JsonNode alternative : alternatives) {
            if (!alternative.path("properties").path("type").path("const").isString()) {
                return false;
            }
        }
        return true;
    }

    private static void rewrite(ObjectNode member, ArrayNode alternatives) {
        member.remove("anyOf");
        for (String shared : new String[] {"title", "description", "default"}) {
            JsonNode value = alternatives.get(0).get(shared);
            if (value != null && !member.has(shared)) {
                member.set(shared, value);
            }
        }
        for (JsonNode alternative : alternatives) {
            ObjectNode a = (ObjectNode) alternative;
            a.remove("description");
            a.remove("default");
            String name = a.path("properties").path("type").path("const").stringValue();
            a.put("title", Character.toUpperCase(name.charAt(0)) + name.substring(1).toLowerCase(Locale.ROOT));
        }
        member.set("oneOf", alternatives);
    }
}
