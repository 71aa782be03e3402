package dev.automateos.server.workflow;

import dev.automateos.engine.workflow.WorkflowFormat;
import dev.automateos.engine.workflow.WorkflowFormatException;
import dev.automateos.server.web.ApiException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Reads a workflow document from a request body as JSON or YAML, chosen by Content-Type. The body
 * arrives as bytes, not a String, because Spring decodes text it does not know as ISO-8859-1 and
 * YAML is UTF-8 unless the client says otherwise.
 */
final class WorkflowBodies {

    static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    static final String YAML = "application/yaml";
    static final String TEXT_YAML = "text/yaml";
    static final String X_YAML = "application/x-yaml";

    private WorkflowBodies() {
    }

    static JsonNode parse(byte[] body, String contentType) {
        MediaType type = MediaType.parseMediaType(contentType);
        Charset charset = type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        String text = new String(body, charset);
        boolean yaml = !type.getSubtype().equals("json") && type.getSubtype().contains("yaml");
        try {
            return yaml ? WorkflowFormat.parseYaml(text) : WorkflowFormat.parseJson(text);
        } catch (WorkflowFormatException e) {
            // The engine's message names the format, line and column: "Invalid YAML at line 3, column 9: ...".
            throw ApiException.badRequest("malformed_body", e.getMessage());
        }
    }
}
