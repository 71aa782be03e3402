package dev.automateos.server.workflow;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code byte[]} body that holds a workflow document, so the OpenAPI document shows it
 * as JSON and YAML with examples instead of opaque bytes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@RequestBody(required = true, description = WorkflowApiDocs.BODY, content = {
    @Content(mediaType = WorkflowBodies.JSON, schema = @Schema(type = "object"),
            examples = @ExampleObject(name = "json", value = WorkflowApiDocs.JSON_EXAMPLE)),
    @Content(mediaType = WorkflowBodies.YAML, schema = @Schema(type = "string"),
            examples = @ExampleObject(name = "yaml", value = WorkflowApiDocs.YAML_EXAMPLE))})
@interface WorkflowDocumentBody {
}
