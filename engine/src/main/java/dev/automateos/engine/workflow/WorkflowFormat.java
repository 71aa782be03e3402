package dev.automateos.engine.workflow;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads and writes workflow documents as JSON or YAML. Only syntax is checked here; the meaning
 * is checked by {@link WorkflowValidator}. Duplicate keys and trailing content are syntax errors,
 * because silently keeping one of two values would save something the author did not write.
 */
public final class WorkflowFormat {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private WorkflowFormat() {}

    /** Parses JSON text; throws {@link WorkflowFormatException} with line and column when it is not well-formed. */
    public static JsonNode parseJson(String text) {
        return parse(JSON, text, "JSON");
    }

    /** Parses YAML text; throws {@link WorkflowFormatException} with line and column when it is not well-formed. */
    public static JsonNode parseYaml(String text) {
        return parse(YAML, text, "YAML");
    }

    /** Pretty-printed JSON. */
    public static String toJson(JsonNode doc) {
        return JSON.writeValueAsString(doc);
    }

    /** Block-style YAML without a document start marker; strings are quoted only where YAML needs it. */
    public static String toYaml(JsonNode doc) {
        return YAML.writeValueAsString(doc);
    }

    private static JsonNode parse(ObjectMapper mapper, String text, String format) {
        if (text == null || text.isBlank()) {
            throw new WorkflowFormatException("The " + format + " document is empty.", -1, -1, null);
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new WorkflowFormatException("The " + format + " document is empty.", -1, -1, null);
            }
            return node;
        } catch (JacksonException e) {
            throw describe(e, format);
        }
    }

    private static WorkflowFormatException describe(JacksonException e, String format) {
        TokenStreamLocation location = e.getLocation();
        int line = location == null ? -1 : location.getLineNr();
        int column = location == null ? -1 : location.getColumnNr();
        String reason = firstLine(e.getOriginalMessage());
        String where = line > 0 ? " at line " + line + (column > 0 ? ", column " + column : "") : "";
        return new WorkflowFormatException("Invalid " + format + where + ": " + reason, line, column, e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
