package dev.automateos.server.workflow;

/** Text for the OpenAPI document of endpoints that take a workflow document as JSON or YAML. */
final class WorkflowApiDocs {

    static final String BODY = "A workflow document, as JSON (application/json) or YAML (application/yaml; "
            + "text/yaml and application/x-yaml work too). See docs/workflows-api.md.";

    static final String JSON_EXAMPLE = """
            {"schema_version": 1, "name": "Greet", "tags": ["demo"],
             "trigger": {"id": "start", "type": "trigger.manual", "version": 1, "config": {}},
             "nodes": [{"id": "greet", "type": "transform.set", "version": 1,
                        "config": {"fields": {"greeting": "Hello {{ $trigger.body.name }}"}}}],
             "connections": [{"from": "start", "to": "greet"}]}""";

    static final String YAML_EXAMPLE = """
            schema_version: 1
            name: Greet
            tags: [demo]
            trigger: {id: start, type: trigger.manual, version: 1, config: {}}
            nodes:
              - id: greet
                type: transform.set
                version: 1
                config:
                  fields:
                    greeting: "Hello {{ $trigger.body.name }}"
            connections:
              - {from: start, to: greet}
            """;

    private WorkflowApiDocs() {
    }
}
