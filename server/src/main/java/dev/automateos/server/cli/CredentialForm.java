package dev.automateos.server.cli;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a credential's {@code data} from {@code --field}, {@code --secret-stdin} and prompts,
 * guided by the type's JSON Schema: properties marked {@code "writeOnly": true} are secrets and
 * are asked for without echo, so they need never be typed as flags.
 */
final class CredentialForm {

    private final JsonNode schema;

    CredentialForm(JsonNode schema) {
        this.schema = schema == null ? Json.object() : schema;
    }

    boolean isSecret(String field) {
        return schema.path("properties").path(field).path("writeOnly").asBoolean(false);
    }

    ObjectNode build(Map<String, String> fields, String stdinField, String stdinValue, Terminal terminal,
                     Consumer<String> warn) {
        ObjectNode data = Json.object();
        fields.forEach((field, value) -> {
            if (isSecret(field)) {
                warn.accept("'" + field + "' is a secret; values given with --field stay in your shell history. "
                        + "Prefer the prompt or --secret-stdin " + field + ".");
            }
            data.set(field, typed(field, value));
        });
        if (stdinField != null) {
            data.set(stdinField, typed(stdinField, stdinValue));
        }
        askForMissing(data, terminal);
        return data;
    }

    private void askForMissing(ObjectNode data, Terminal terminal) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (String field : schema.path("properties").propertyNames()) {
            if (data.has(field)) {
                continue;
            }
            boolean mandatory = required.contains(field);
            String prompt = field + (mandatory ? "" : " (optional, Enter to skip)") + ": ";
            if (isSecret(field)) {
                if (!terminal.interactive() && mandatory) {
                    throw CliException.input("'" + field + "' is a secret: pass it with --secret-stdin " + field
                            + ", or run on a terminal to be asked for it.");
                }
                char[] secret = terminal.interactive() ? terminal.readSecret(prompt) : null;
                if (secret != null && secret.length > 0) {
                    data.put(field, new String(secret));
                    java.util.Arrays.fill(secret, '\0');
                }
            } else if (mandatory && terminal.interactive()) {
                String value = terminal.readLine(prompt);
                if (value != null && !value.isEmpty()) {
                    data.set(field, typed(field, value));
                }
            }
        }
    }

    /** Converts flag text to the JSON type the schema asks for; the server still validates the result. */
    JsonNode typed(String field, String value) {
        String type = schema.path("properties").path(field).path("type").asString("string");
        try {
            return switch (type) {
                case "integer" -> Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(value.trim()));
                case "number" -> Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(value.trim()));
                case "boolean" -> "true".equalsIgnoreCase(value.trim()) || "false".equalsIgnoreCase(value.trim())
                        ? Json.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(value.trim()))
                        : Json.MAPPER.getNodeFactory().stringNode(value);
                case "object", "array" -> Json.MAPPER.readTree(value);
                default -> Json.MAPPER.getNodeFactory().stringNode(value);
            };
        } catch (RuntimeException notOfThatType) {
            return Json.MAPPER.getNodeFactory().stringNode(value); // the server names the field and the problem
        }
    }
}
