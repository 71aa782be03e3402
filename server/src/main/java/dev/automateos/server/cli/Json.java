package dev.automateos.server.cli;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The CLI's one JSON mapper (snake_case like the API) and the few tree helpers commands share. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static String pretty(JsonNode node) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** Parses a server answer; a body that is not JSON is a server fault, not a crash. */
    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (JacksonException e) {
            throw new CliException(ExitCodes.SERVER, "The server sent an answer that is not JSON.");
        }
    }

    /** A field as display text: "" when absent or null, arrays joined with ", ", objects as JSON. */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(element -> parts.add(text(element)));
            return String.join(", ", parts);
        }
        return node.isValueNode() ? node.asString() : write(node);
    }

    static String text(JsonNode node, String field) {
        return text(node.path(field));
    }
}
